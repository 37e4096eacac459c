import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField, SubmitField
from wtforms.validators import Optional, ValidationError

from ..forms import (
    CheckboxesField,
    ChoiceField,
    DayField,
    WholeNumberField,
    max_length,
    required,
    strip,
)
from .importer import CHANNELS
from .questionnaire import SURVEY_LANGUAGES, THEMES


class NewQuestionnaireForm(FlaskForm):
    name = StringField(_l("Name"), validators=[required(), max_length(160)], filters=[strip],
                       description=_l("For example: Worker survey 2027."))
    start = ChoiceField(_l("Start from"))
    submit = SubmitField(_l("Create"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start.choices = [("starter", _l("Our starter questionnaire (16 questions)")),
                              ("blank", _l("An empty questionnaire"))]


def question_form_class():
    """A question's code, theme, negative answer, standard and its text in every
    survey language."""

    class QuestionForm(FlaskForm):
        code = StringField(
            _l("Code"), validators=[required(), max_length(40)], filters=[strip],
            description=_l("Capitals and underscores, e.g. WAGE_RUNS_OUT. It keeps results "
                           "comparable across versions."))
        theme = ChoiceField(_l("Theme"))
        negative = ChoiceField(_l("Which answer is negative?"))
        standard_ref = StringField(_l("Standard"), validators=[max_length(80)],
                                   filters=[strip],
                                   description=_l("Optional, e.g. ESRS S2 or SMETA."))
        submit = SubmitField(_l("Save the question"))

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.theme.choices = [(code, _l(name)) for code, name in THEMES.items()]
            self.negative.choices = [("yes", _l("Yes")), ("no", _l("No"))]

        def validate_code(self, field):
            if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,39}", field.data or ""):
                raise ValidationError(_l("Use capitals, digits and underscores, starting "
                                         "with a letter."))

    for code, name in SURVEY_LANGUAGES.items():
        setattr(QuestionForm, f"text_{code}", StringField(
            name, validators=[required()] if code == "en" else [Optional()],
            filters=[strip], render_kw={"lang": code.replace("_", "-")}))
    return QuestionForm


class CycleForm(FlaskForm):
    version = ChoiceField(_l("Questionnaire"))
    starts_on = DayField(_l("Opens on"), validators=[required()])
    ends_on = DayField(_l("Closes after"), validators=[required()],
                       description=_l("Two weeks is usual; longer around holidays."))
    channels = CheckboxesField(_l("Channels"), validators=[Optional()])
    languages = CheckboxesField(_l("Languages"), validators=[Optional()])
    headcount = WholeNumberField(_l("Workers at the site"), minimum=1, maximum=500_000,
                                 validators=[required()],
                                 description=_l("Response rates are counted against this "
                                                "number."))
    provider = StringField(_l("Survey provider"), validators=[max_length(120)],
                           filters=[strip],
                           description=_l("Leave empty when you use the built-in web "
                                          "survey."))
    submit = SubmitField(_l("Plan the cycle"))

    def __init__(self, versions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version.choices = [(str(v.id), f"{v.questionnaire.name} · v{v.number}")
                                for v in versions]
        self.channels.choices = [(c, CHANNEL_NAMES[c]) for c in CHANNELS]
        self.languages.choices = list(SURVEY_LANGUAGES.items())

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end cannot be before the start."))


class ExtendForm(FlaskForm):
    ends_on = DayField(_l("New last day"), validators=[required()])
    reason = StringField(_l("Why"), validators=[required(), max_length(200)], filters=[strip],
                         description=_l("For example: low response, a public holiday."))
    submit = SubmitField(_l("Extend"))


class ImportForm(FlaskForm):
    file = FileField(_l("Results file (CSV or XLSX)"),
                     validators=[FileRequired(message=_l("Please choose a file."))])
    submit = SubmitField(_l("Import"))


CHANNEL_NAMES = {
    "phone": _l("Phone (recorded voice)"), "web": _l("Web"), "whatsapp": "WhatsApp",
    "wechat": "WeChat", "sms": "SMS",
}
