"""Forms for survey providers: their facts, an agreement's day, the company's
upload setting, an invitation to log in for a provider."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import Optional

from ..forms import CheckboxesField, DayField, Form, InviteForm, max_length, required, strip
from ..i18n import CHANNEL_NAMES, country_choices
from ..questionnaires.starter import SURVEY_LANGUAGES


class ProviderForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(120)], filters=[strip],
                       description=_l("A vendor, a trade union or an NGO that runs surveys."))
    channels = CheckboxesField(_l("Channels it runs"), validators=[Optional()])
    countries = CheckboxesField(_l("Countries it works in"), validators=[Optional()])
    languages = CheckboxesField(_l("Languages it surveys in"), validators=[Optional()])
    contact = StringField(_l("Contact"), validators=[max_length(200)], filters=[strip],
                          description=_l("A name and an e-mail address or phone number."))
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channels.choices = list(CHANNEL_NAMES.items())
        self.countries.choices = country_choices()
        self.languages.choices = list(SURVEY_LANGUAGES.items())


class AgreementForm(Form):
    signed_on = DayField(_l("Data-processing agreement signed on"), validators=[Optional()],
                         description=_l("Leave empty if your company has none with this "
                                        "provider: no cycle can be assigned to it then."))
    submit = SubmitField(_l("Save"))


class UploadSettingForm(Form):
    staff_may_upload = BooleanField(
        _l("Our staff may still upload files into a cycle a provider runs"),
        description=_l("Off: only the provider's people upload its files, which the "
                       "supplier can trust. Each upload by your staff is in the audit trail."))
    submit = SubmitField(_l("Save"))


class ProviderInviteForm(InviteForm):
    submit = SubmitField(_l("Send invitation"))
