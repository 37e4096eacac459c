"""The company's results settings."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField

from ..forms import Form, WholeNumberField
from .anonymity import MIN_GROUP


class ResultsSettingsForm(Form):
    priority_pct = WholeNumberField(
        _l("Priority from (% negative answers)"), minimum=1, maximum=100,
        description=_l("An indicator with more negative answers than this is a priority. "
                       "The pilot used 50 %."))
    min_group = WholeNumberField(
        _l("Smallest group shown"), minimum=MIN_GROUP, maximum=100,
        description=_l("Groups with fewer respondents are never shown. 5 is the least; "
                       "you may choose more."))
    submit = SubmitField(_l("Save"))
