"""Forms of the dialogue log."""

from __future__ import annotations

import re

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import Email, Optional, ValidationError

from ..config import LANGUAGES
from ..forms import (
    CheckboxesField,
    ChoiceField,
    DayField,
    Form,
    TextBoxField,
    TimezoneField,
    WholeNumberField,
    max_length,
    required,
    strip,
)
from ..i18n import country_choices, country_name
from ..onboarding.timeline import DELAY_REASONS
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..zones import zones_of
from . import evidence
from .vocabulary import OPENNESS, ORGANISATIONS, OWNERS, SECTOR_THEMES, STATUS_NAMES

#: What the file picker offers (a phone then offers its camera and photos). Naming
#: JPEG rather than image/* lets an iPhone convert its HEIC photos on the way.
ACCEPT = ("image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp,application/pdf,.pdf,"
          ".docx,.xlsx")

#: Languages a conversation or a participant may use.
TALK_LANGUAGES = {**SURVEY_LANGUAGES, **LANGUAGES}


def _time(form, field):
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", field.data or ""):
        raise ValidationError(_l("Please give a time like 09:30."))


class WhenForm(Form):
    day = DayField(_l("Day"), validators=[required()])
    time = StringField(_l("Time"), validators=[required(), _time], filters=[strip],
                       render_kw={"inputmode": "numeric", "placeholder": "09:30"})
    timezone = TimezoneField(_l("Time zone of that time"),
                             description=_l("The site's time zone unless you change it."))


class ScheduleForm(WhenForm):
    minutes = WholeNumberField(_l("Length in minutes"), minimum=15, maximum=600,
                               required=True)
    language = ChoiceField(_l("Language of the conversation"))
    place = StringField(_l("Where"), validators=[max_length(300)], filters=[strip],
                        description=_l("A meeting room at the factory, or a video-call link."))
    submit = SubmitField(_l("Plan the dialogue"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(TALK_LANGUAGES.items())


class MoveForm(WhenForm):
    reason = ChoiceField(_l("Why"))
    note = StringField(_l("Note"), validators=[max_length(300)], filters=[strip])
    submit = SubmitField(_l("Move the dialogue"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = [(code, _l(name)) for code, name in DELAY_REASONS.items()]


class ParticipantForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(120)], filters=[strip])
    organisation = ChoiceField(_l("Organisation"))
    department = StringField(_l("Department"), validators=[max_length(80)], filters=[strip],
                             description=_l("For example management, HR, compliance."))
    decides = BooleanField(_l("May decide on actions"))
    language = ChoiceField(_l("Language"))
    country = ChoiceField(_l("Country"), validators=[Optional()])
    # Its own id: the form to move the dialogue, on the same page, has a time zone too.
    timezone = TimezoneField(
        _l("Time zone"), blank=_l("The country's time zone"), id="participant-timezone",
        description=_l("For a country with several time zones, choose the one they are in."))
    email = StringField(_l("E-mail"), validators=[Optional(), Email(message=_l(
        "Please enter a valid e-mail address.")), max_length(254)], filters=[strip],
        description=_l("For the invitation; leave empty to pass it on yourself."))
    submit = SubmitField(_l("Add"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = [(k, _l(v)) for k, v in ORGANISATIONS.items()]
        self.language.choices = list(TALK_LANGUAGES.items())
        self.country.choices = [("", "—"), *country_choices()]

    def validate_timezone(self, field):
        """No zone chosen: the country's, when it has one; otherwise the list of
        the country's zones comes back to choose from."""
        if field.data:
            return
        zones = zones_of(self.country.data)
        if len(zones) == 1:
            field.data = zones[0]
            return
        if zones:
            field.offer(self.country.data)
            raise ValidationError(_l("%(country)s has several time zones: please choose one.",
                                     country=country_name(self.country.data)))
        raise ValidationError(_l("Please choose a time zone, or the person's country."))


class ProposeForm(WhenForm):
    """Another time the supplier proposes."""

    note = StringField(_l("Why this time suits better"), validators=[max_length(300)],
                       filters=[strip])
    submit = SubmitField(_l("Propose this time"))


class PrepareForm(Form):
    audit_note = TextBoxField(_l("Compared with the latest audit"),
                               validators=[max_length(5000)],
                               description=_l("A link or a note: where do the results and "
                                              "the audit agree, where not?"))
    expert_context = TextBoxField(_l("Context from an expert or NGO"),
                                   validators=[max_length(5000)])
    grievance_note = TextBoxField(
        _l("What the grievance figures say"), validators=[max_length(5000)],
        description=_l("The site's complaint channels beside the survey: are they used, are "
                       "complaints resolved, and does the survey say workers are afraid to "
                       "raise a problem? Few complaints do not mean few problems."))
    open_questions = TextBoxField(_l("Open questions for the supplier"),
                                   validators=[max_length(5000)])
    solutions = TextBoxField(_l("Possible solutions"), validators=[max_length(5000)])
    must_discuss = TextBoxField(_l("Must be discussed"), validators=[max_length(5000)])
    look_beforehand = TextBoxField(
        _l("Could you look at … beforehand? (sent to the supplier)"),
        validators=[max_length(2000)],
        description=_l("A short request, not a formal agenda. The supplier sees it in "
                       "the dialogue's plan."))
    script = TextBoxField(_l("Your script for the conversation"),
                           validators=[max_length(5000)])
    shared = BooleanField(
        _l("Share this preparation and our attention points with the other owners"),
        description=_l("Only in a joint dialogue. Your own notes of the meeting stay "
                       "your company's, shared or not."))
    submit = SubmitField(_l("Save the preparation"))


class PointForm(Form):
    text = StringField(_l("Point"), validators=[required(), max_length(500)],
                       filters=[strip])
    question_code = ChoiceField(_l("Indicator"), validators=[Optional()])
    submit = SubmitField(_l("Add the point"))


class RecordForm(Form):
    held_on = DayField(_l("Held on"), validators=[required()])
    openness = ChoiceField(_l("How open did the conversation feel?"), validators=[Optional()])
    follow_up_offered = BooleanField(_l("A follow-up conversation was offered"))
    notes = TextBoxField(_l("Notes"), validators=[max_length(10000)])
    mechanism_note = TextBoxField(
        _l("What the supplier says about its grievance mechanism"),
        validators=[max_length(5000)],
        description=_l("Do workers know it and use it, what happens to a complaint, and "
                       "what would make it more trusted?"))
    private_notes = TextBoxField(
        _l("Your company's own notes"), validators=[max_length(10000)],
        description=_l("Only your company's staff read these, also in a joint dialogue."))
    submit = SubmitField(_l("Save the record"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No answer chosen for the user: "—" until someone says how it felt.
        self.openness.choices = [("", "—"), *((k, _l(v)) for k, v in OPENNESS.items())]


class DoubtForm(Form):
    question_code = ChoiceField(_l("Indicator"), validators=[Optional()])
    doubt = StringField(_l("Doubt about the data"), validators=[required(), max_length(500)],
                        filters=[strip])
    answer = StringField(_l("How it was answered"), validators=[max_length(500)],
                         filters=[strip])
    task = StringField(_l("Task (if any)"), validators=[max_length(300)], filters=[strip],
                       description=_l("For example: re-check the Vietnamese translation "
                                      "of WAGE_RUNS_OUT."))
    submit = SubmitField(_l("Add the doubt"))


class ActionForm(Form):
    title = StringField(_l("What"), validators=[required(), max_length(300)], filters=[strip],
                        description=_l("Printed as written on the workers' poster: say what "
                                       "will change, and name nobody."))
    owner = ChoiceField(_l("Who"))
    # Translators: in a joint dialogue, which of the brands owning it does the work.
    acting_company = ChoiceField(_l("Which brand, if a brand acts"), validators=[Optional()])
    owner_name = StringField(_l("Named person"), validators=[max_length(120)],
                             filters=[strip])
    due_on = DayField(_l("Due on"), validators=[required()])
    codes = CheckboxesField(_l("Indicators it aims to improve"), validators=[Optional()])
    purchasing = BooleanField(_l("The brand's own purchasing practice (price, lead times, "
                                 "order planning)"))
    submit = SubmitField(_l("Add the agreement"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner.choices = [(k, _l(v)) for k, v in OWNERS.items()]


class UpdateForm(Form):
    status = ChoiceField(_l("Status"))
    comment = TextBoxField(_l("Comment"), validators=[max_length(1000)])
    evidence = StringField(_l("Evidence"), validators=[max_length(500)], filters=[strip],
                           description=_l("What shows it, e.g. a new payslip format from "
                                          "May, a training list."))
    file = FileField(_l("Photo or document (optional)"), render_kw={"accept": ACCEPT})
    drop_reason = StringField(_l("Why it is dropped"), validators=[max_length(300)],
                              filters=[strip])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [(k, _l(v)) for k, v in STATUS_NAMES.items()]
        self.checked = None
        self.file.description = _(
            "A photo (JPEG, PNG, WebP) or a document (PDF, Word, Excel), up to %(size)s MB. "
            "Photos are scaled down and stored without their hidden details (place, time, "
            "phone), but what they show stays: no worker's face or name, please. Documents "
            "are stored as they are: check them for names first.",
            size=evidence.megabytes(current_app.config["EVIDENCE_MAX_BYTES"]))

    def validate_drop_reason(self, field):
        if self.status.data == "dropped" and not field.data:
            raise ValidationError(_l("Please say why it is dropped."))

    def validate_file(self, field):
        """A file is taken as ``evidence.check`` says; ``checked`` holds what is
        stored of it (None without a file)."""
        upload = field.data
        if not isinstance(upload, FileStorage) or not upload.filename:
            return  # no file chosen (a browser sends an empty part)
        try:
            self.checked = evidence.check(upload.read(), upload.filename,
                                          current_app.config["EVIDENCE_MAX_BYTES"])
        except evidence.Refused as refused:
            raise ValidationError(_(evidence.REFUSALS[refused.code], **refused.params)) \
                from None


class MessageForm(Form):
    recipient = StringField(_l("To"), validators=[Optional(), Email(message=_l(
        "Please enter a valid e-mail address.")), max_length(254)], filters=[strip])
    subject = StringField(_l("Subject"), validators=[required(), max_length(200)],
                          filters=[strip])
    body = TextBoxField(_l("Message"), validators=[required(), max_length(20000)])
    submit = SubmitField(_l("Send"))


class NudgeForm(Form):
    nudge_days = WholeNumberField(
        _l("Remind after (days)"), minimum=1, maximum=365, required=True,
        description=_l("The home page reminds you when released results have had no "
                       "dialogue for this many days."))
    submit = SubmitField(_l("Save"))


class SectorForm(Form):
    """Mark a point or an agreement as needing a sector-wide solution."""

    sector_theme = ChoiceField(_l("Theme"), validators=[required()])
    sector_country = ChoiceField(_l("Country"), validators=[required()])
    submit = SubmitField(_l("Needs a sector-wide solution"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector_theme.choices = [("", _l("Choose a theme")), *(
            (code, _l(name)) for code, name in SECTOR_THEMES.items())]
        self.sector_country.choices = [("", _l("Choose a country")), *country_choices()]
