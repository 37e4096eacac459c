"""Forms for survey cycles: plan, extend, import."""

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import Optional, ValidationError

from ..forms import (
    CheckboxesField,
    ChoiceField,
    DayField,
    Form,
    TextBoxField,
    WholeNumberField,
    max_length,
    required,
    strip,
)
from ..i18n import CHANNEL_NAMES  # noqa: F401 (the planning form's, and pages')
from ..questionnaires.starter import SURVEY_LANGUAGES
from . import kobo, planning
from .guard import MAX_CODES
from .respondents import CHANNELS


class CycleForm(Form):
    version = ChoiceField(_l("Questionnaire"))
    starts_on = DayField(_l("Opens on"), validators=[required()])
    ends_on = DayField(_l("Closes after"), validators=[required()],
                       description=_l("Two weeks is usual; longer around holidays."))
    channels = CheckboxesField(_l("Channels"), validators=[Optional()])
    languages = CheckboxesField(_l("Languages"), validators=[Optional()])
    headcount = WholeNumberField(_l("Workers at the site"), minimum=1, maximum=500_000,
                                 required=True,
                                 description=_l("Response rates are counted against this "
                                                "number."))
    provider = StringField(_l("Survey provider"), validators=[max_length(120)],
                           filters=[strip],
                           description=_l("Leave empty when you use the built-in web "
                                          "survey."))
    submit = SubmitField(_l("Plan the cycle"))
    #: Shows the holiday warnings for the dates typed in, without planning.
    check = SubmitField(_l("Check the dates for holidays"))

    def __init__(self, versions, earlier=(), *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: The company's other cycles at the site, which the window may not overlap.
        self._earlier = list(earlier)
        self.version.choices = [
            (str(v.id), f"{v.questionnaire.name} · v{v.number} ("
                        f"{', '.join(SURVEY_LANGUAGES[lang] for lang in v.languages or [])})")
            for v in versions]
        self.channels.choices = [(c, CHANNEL_NAMES[c]) for c in CHANNELS]
        # Only languages some published version may be answered in: the others
        # would be refused (the page says where their texts are reviewed).
        usable = {lang for v in versions for lang in v.languages or []}
        self.languages.choices = [(lang, name) for lang, name in SURVEY_LANGUAGES.items()
                                  if lang in usable]
        self._versions = {str(v.id): v for v in versions}

    def validate_languages(self, field):
        version = self._versions.get(self.version.data)
        missing = [lang for lang in field.data or []
                   if version is not None and lang not in version.offered(field.data)]
        if missing:
            raise ValidationError(_l(
                "This questionnaire version is not reviewed in: %(languages)s. Workers "
                "only see reviewed texts.",
                languages=", ".join(SURVEY_LANGUAGES[lang] for lang in missing)))

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end cannot be before the start."))

    def validate(self, extra_validators=None) -> bool:
        """Every field's checks, then (on a window that is valid) no overlap."""
        return super().validate(extra_validators) and not self._overlaps()

    def _overlaps(self) -> bool:
        """Refuse a window that overlaps another cycle of the company at the site:
        workers would be asked twice at once, and an answer could not be told to
        belong to one cycle or the other."""
        other = planning.overlapping(self.starts_on.data, self.ends_on.data, self._earlier)
        if other is None:
            return False
        self.starts_on.errors = [*self.starts_on.errors, _(
            "This window overlaps the cycle from %(start)s to %(end)s at this site. "
            "Workers would be asked twice at the same time, and their answers could "
            "not be told apart. Choose days after %(end)s, or change that cycle.",
            start=format_date(other.starts_on), end=format_date(other.ends_on))]
        return True


class ExtendForm(Form):
    ends_on = DayField(_l("New last day"), validators=[required()])
    reason = StringField(_l("Why"), validators=[required(), max_length(200)], filters=[strip],
                         description=_l("For example: low response, a public holiday."))
    submit = SubmitField(_l("Extend"))


class ImportForm(Form):
    file = FileField(_l("Results file (CSV or XLSX)"),
                     validators=[FileRequired(message=_l("Please choose a file."))])
    submit = SubmitField(_l("Import"))




class CodesForm(Form):
    count = WholeNumberField(_l("Number of codes"), minimum=1, maximum=MAX_CODES,
                             description=_l("One for each worker: usually the headcount. "
                                            "Print the sheet at once: the codes are shown "
                                            "only this one time."))
    submit = SubmitField(_l("Make the codes"))


class InviteOwnerForm(Form):
    # Translators: a member company of the initiative, invited to own a survey cycle too.
    company = ChoiceField(_l("Member company"), validators=[required()])
    submit = SubmitField(_l("Invite to own this cycle"))


class ProviderChoiceForm(Form):
    provider = ChoiceField(_l("Registered survey provider"), validators=[Optional()],
                           description=_l("Its people see this cycle and upload its files. "
                                          "Only providers your company signed a "
                                          "data-processing agreement with."))
    submit = SubmitField(_l("Save"))


class MappingForm(Form):
    columns = TextBoxField(
        _l("Your columns, and ours"), validators=[max_length(20000)],
        description=_l("One per line: “your column = ours”. Ours: date, channel, language, "
                       "respondent, gender, age_band, contract, role, or a question's code; "
                       "“-” leaves a column out (a start time, an interviewer's name)."))
    values = TextBoxField(
        _l("Your values, and ours"), validators=[max_length(20000)],
        description=_l("One per line: “our column: your value = ours”, e.g. “gender: female = "
                       "woman”; “answers: 1 = yes” maps the answers to every question."))
    sample = FileField(_l("A real file of yours (CSV or XLSX)"),
                       description=_l("Read for its columns and values only: nothing is "
                                      "imported or kept."))
    read = SubmitField(_l("Read the file"))
    submit = SubmitField(_l("Save the mapping"))


class KoboLinkForm(Form):
    """A cycle's KoboToolbox project. The token is never shown again: left empty,
    the stored one is kept (``token_stored``)."""

    server = StringField(_l("KoboToolbox server"), validators=[required(), max_length(200)],
                         filters=[strip],
                         description=_l("The address you log in at, e.g. "
                                        "https://kf.kobotoolbox.org."))
    asset_uid = StringField(
        _l("Project id"), validators=[required(), max_length(40)], filters=[strip],
        description=_l("In the project's address after /forms/, e.g. aBcD3fGh5jKlMn7pQrStUv."))
    token = PasswordField(
        _l("API token"), validators=[max_length(200)], filters=[strip],
        render_kw={"autocomplete": "off"},
        description=_l("From your KoboToolbox account settings (Security, API key), of an "
                       "account that may view the project's submissions. It is stored "
                       "encrypted and never shown again."))
    submit = SubmitField(_l("Save the link"))

    def __init__(self, *args, token_stored: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_stored = token_stored
        if token_stored:
            self.token.description = _l("A token is stored. Enter a new one only to replace "
                                        "it; left empty, the stored one is kept.")

    def validate_server(self, field):
        servers = current_app.config["KOBO_SERVERS"]
        if not kobo.allowed(field.data or "", servers):
            raise ValidationError(_("Only these KoboToolbox servers may be used here: "
                                    "%(servers)s.", servers=", ".join(servers)))
        field.data = kobo.server_of(field.data)

    def validate_asset_uid(self, field):
        if not kobo.ASSET_UID.match(field.data or ""):
            raise ValidationError(_("A project id has letters and digits only, as in the "
                                    "project's address."))

    def validate_token(self, field):
        if not field.data and not self.token_stored:
            raise ValidationError(_("Please fill in this field."))
        if field.data and any(c.isspace() for c in field.data):
            raise ValidationError(_("A token has no spaces: please copy it again."))
