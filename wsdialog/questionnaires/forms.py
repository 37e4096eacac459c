"""Forms for questionnaires and their questions."""

import re

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import Optional, ValidationError

from ..forms import (
    CheckboxesField,
    ChoiceField,
    Form,
    InviteForm,
    TextBoxField,
    max_length,
    required,
    strip,
)
from ..i18n import languages, text_dir
from .models import COMMENT_SOURCES, LABEL_LENGTH
from .queries import published_templates
from .starter import STARTER, SURVEY_LANGUAGES, THEMES

#: How a "Start from" choice names an MSI template version: "template:<id>".
TEMPLATE_CHOICE = "template:"


class NewQuestionnaireForm(Form):
    name = StringField(_l("Name"), validators=[required(), max_length(160)], filters=[strip],
                       description=_l("For example: Worker survey 2027."))
    start = ChoiceField(_l("Start from"))
    cite_standards = BooleanField(
        _l("Cite a standard for each question"),
        description=_l("The advice then points out every question not based on a "
                       "standard such as ESRS S2, SMETA or an ILO convention."))
    submit = SubmitField(_l("Create"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start.choices = [
            ("starter", _l("Our starter questionnaire (%(count)s questions)", count=len(STARTER))),
            *((f"{TEMPLATE_CHOICE}{version.id}",
               lazy_ngettext("The MSI template “%(name)s”, version %(number)s (%(num)s question)",
                             "The MSI template “%(name)s”, version %(number)s (%(num)s questions)",
                             len(version.questions), name=version.questionnaire.name,
                             number=version.number))
              for version in published_templates()),
            ("blank", _l("An empty questionnaire"))]

    @property
    def template_version_id(self) -> str | None:
        """The MSI template version chosen to start from, if one is."""
        start = self.start.data or ""
        return start.removeprefix(TEMPLATE_CHOICE) if start.startswith(TEMPLATE_CHOICE) else None


def question_form_class():
    """A question's code, theme, negative answer, standard and its text in every
    survey language."""

    class QuestionForm(Form):
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

        def __init__(self, *args, version=None, question=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.theme.choices = [(code, _l(name)) for code, name in THEMES.items()]
            self.negative.choices = [("yes", _l("Yes")), ("no", _l("No"))]
            #: The draft the question is (or goes) in, and the question being edited.
            self._version, self._question = version, question

        def fields(self) -> dict:
            """What the form says, as ``Question.change`` takes it."""
            return {"code": self.code.data, "theme": self.theme.data,
                    "negative": self.negative.data, "standard_ref": self.standard_ref.data or "",
                    "texts": {lang: (getattr(self, f"text_{lang}").data or "").strip()
                              for lang in SURVEY_LANGUAGES},
                    "labels": {lang: getattr(self, f"label_{lang}").data or ""
                               for lang in languages()}}

        def validate_code(self, field):
            if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,39}", field.data or ""):
                raise ValidationError(_l("Use capitals, digits and underscores, starting "
                                         "with a letter."))
            if self._version is None:
                return
            if any(q.code == field.data and q is not self._question
                   for q in self._version.questions):
                raise ValidationError(_l("Another question already has this code."))
            if self._question is not None and field.data != self._question.code \
                    and self._version.template_question(self._question.code) is not None:
                raise ValidationError(_l("This question comes from the MSI template: its code "
                                         "stays %(code)s.", code=self._question.code))
            fixed = self._version.template_question(field.data)
            if fixed is not None and (self.theme.data, self.negative.data) != (fixed.theme,
                                                                                 fixed.negative):
                raise ValidationError(_l(
                    "The MSI template asks %(code)s with its own theme and negative answer: "
                    "keep those, or choose another code.", code=field.data))

    for code, name in SURVEY_LANGUAGES.items():
        setattr(QuestionForm, f"text_{code}", StringField(
            name, validators=[required()] if code == "en" else [Optional()],
            filters=[strip], render_kw={"lang": code.replace("_", "-"), "dir": text_dir(code)}))
    for code, name in languages().items():
        setattr(QuestionForm, f"label_{code}", StringField(
            name, validators=[Optional(), max_length(LABEL_LENGTH)], filters=[strip],
            render_kw={"lang": code.replace("_", "-"), "maxlength": LABEL_LENGTH}))
    return QuestionForm


def question_data(question) -> dict:
    """A stored question as the question form shows it."""
    return {"code": question.code, "theme": question.theme, "negative": question.negative,
            "standard_ref": question.standard_ref,
            **{f"text_{t.locale}": t.text for t in question.texts},
            **{f"label_{lang}": label for lang, label in (question.labels or {}).items()}}


class StandardsForm(Form):
    cite_standards = BooleanField(
        _l("Cite a standard for each question"),
        description=_l("The advice then points out every question not based on a "
                       "standard such as ESRS S2, SMETA or an ILO convention."))
    submit = SubmitField(_l("Save"))


class ShareForm(Form):
    """Which of the company's suppliers may read the draft and comment on it."""

    suppliers = CheckboxesField(
        _l("Suppliers who may comment"), coerce=int, validators=[Optional()],
        description=_l("Their people see this draft and can comment on each question "
                       "until it is published; they never see each other's comments, "
                       "nor those of worker representatives."))
    submit = SubmitField(_l("Save who may comment"))


#: The "about" value of a comment on the questionnaire as a whole (stored as "").
WHOLE = "*"


def _question_code(about: str) -> str:
    """The question code a comment is stored under: "" for the whole questionnaire."""
    return "" if about == WHOLE else about


def _about_choices(codes) -> list[tuple[str, str]]:
    return [(WHOLE, _l("The questionnaire as a whole")), *((code, code) for code in codes)]


class SupplierCommentForm(Form):
    """A supplier's person comments on one question of a draft shared with them."""

    about = ChoiceField(_l("About"))
    text = TextBoxField(_l("Your comment"), validators=[required(), max_length(2000)],
                        description=_l("For example: workers here would understand this "
                                       "word differently, or a question is missing."))
    submit = SubmitField(_l("Send the comment"))

    def __init__(self, codes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.about.choices = _about_choices(codes)

    @property
    def question_code(self) -> str:
        return _question_code(self.about.data)


class ConsultedCommentForm(Form):
    """Brand staff record what a worker representative or union they consulted
    said about a question."""

    source = ChoiceField(_l("Who said it"))
    consulted = StringField(
        _l("Whom you consulted"), validators=[required(), max_length(160)], filters=[strip],
        description=_l("Name the organisation rather than a person where being named "
                       "could put someone at risk."))
    about = ChoiceField(_l("About"))
    text = TextBoxField(_l("What they said"), validators=[required(), max_length(2000)])
    submit = SubmitField(_l("Record the comment"))

    def __init__(self, codes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.source.choices = [(key, _l(name)) for key, name in COMMENT_SOURCES.items()
                               if key != "supplier"]
        self.about.choices = _about_choices(codes)

    @property
    def question_code(self) -> str:
        return _question_code(self.about.data)


class ReviewerInviteForm(InviteForm):
    """Someone outside the company who reviews the survey texts in some languages."""

    affiliation = StringField(
        _l("Who they are"), validators=[required(), max_length(120)], filters=[strip],
        description=_l("For example: worker committee at Thu Duc; the survey provider; "
                       "a translator. Shown beside every text they review."))
    review_languages = CheckboxesField(
        _l("Languages they review"), validators=[required()],
        choices=[(code, name) for code, name in SURVEY_LANGUAGES.items() if code != "en"])
    submit = SubmitField(_l("Send invitation"))
