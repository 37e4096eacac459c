"""Forms for questionnaires and their questions."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import Optional, ValidationError

from ..forms import ChoiceField, max_length, required, strip
from .starter import STARTER, SURVEY_LANGUAGES, THEMES


class NewQuestionnaireForm(FlaskForm):
    name = StringField(_l("Name"), validators=[required(), max_length(160)], filters=[strip],
                       description=_l("For example: Worker survey 2027."))
    start = ChoiceField(_l("Start from"))
    submit = SubmitField(_l("Create"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start.choices = [("starter", _l("Our starter questionnaire (%(count)s questions)",
                                             count=len(STARTER))),
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
