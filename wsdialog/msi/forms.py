"""Forms of the MSI's pages: a new questionnaire template, a member's choice to
contribute to the sector benchmark, and the MSI's response to a sector issue."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, SubmitField

from ..forms import ChoiceField, Form, TextBoxField, max_length, required, strip
from ..questionnaires.starter import STARTER


class TemplateForm(Form):
    """A new MSI template: its first version is a draft, empty or the starter."""

    name = StringField(_l("Name"), validators=[required(), max_length(160)], filters=[strip],
                       description=_l("For example: MSI core questions. Members see this name "
                                      "when they start a questionnaire from it."))
    start = ChoiceField(_l("Start from"))
    submit = SubmitField(_l("Create"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start.choices = [("starter", _l("Our starter questionnaire (%(count)s questions)",
                                             count=len(STARTER))),
                              ("blank", _l("An empty questionnaire"))]


class BenchmarkSettingsForm(Form):
    contributes = BooleanField(
        _l("Contribute to the sector benchmark"),
        description=_l("Your released cycles from MSI templates then count in the benchmark, "
                       "and your colleagues see it. No other member ever sees your company's "
                       "or your sites' names or figures."))
    submit = SubmitField(_l("Save"))


class ResponseForm(Form):
    """The MSI's response to a theme members raised in a country."""

    theme = HiddenField(validators=[required(), max_length(30)])
    country = HiddenField(validators=[required(), max_length(2)])
    text = TextBoxField(_l("The MSI's response"), validators=[required(), max_length(5000)],
                        description=_l("What the MSI does about it: a working group, a sector "
                                       "dialogue, a position. Every member sees it."))
    submit = SubmitField(_l("Save the response"))
