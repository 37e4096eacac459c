"""The company's results settings."""

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField
from wtforms.validators import Optional

from ..forms import (
    ChoiceField,
    DayField,
    Form,
    RadioChoiceField,
    TextBoxField,
    WholeNumberField,
    max_length,
    required,
)
from .anonymity import MIN_GROUP
from .models import SharingWay

#: How a supplier can tell its workers about the results, as the form names them.
SHARING_WAYS: dict[str, str] = {
    SharingWay.poster.value: _l("A poster displayed at the site"),
    SharingWay.meeting.value: _l("A meeting with workers"),
    SharingWay.committee.value: _l("The worker committee or the union"),
    # Translators: a chat group on the phone (WhatsApp, Zalo, WeChat…) for the workers.
    SharingWay.message_group.value: _l("A message group on the phone"),
    SharingWay.other.value: _l("Another way"),
}


class ResultsSettingsForm(Form):
    priority_pct = WholeNumberField(
        _l("Priority from (% negative answers)"), minimum=1, maximum=100,
        description=_l("An indicator with more negative answers than this is a priority. "
                       "The pilot used 50 %."))
    min_group = WholeNumberField(
        _l("Smallest group shown"), minimum=MIN_GROUP, maximum=100,
        description=_l("Groups with fewer respondents are never shown. 5 is the least; "
                       "you may choose more."))
    sharing_reminder_days = WholeNumberField(
        _l("Remind suppliers to share results with workers after (days)"), minimum=1,
        maximum=365, description=_l(
            "When a supplier has not recorded how it told its workers about released "
            "results after this many days, its home page reminds it. 30 if left empty."))
    submit = SubmitField(_l("Save"))


class SharingForm(Form):
    """How and when the supplier told its workers about the results."""

    way = RadioChoiceField(_l("How were the results shared?"), validators=[required()],
                           choices=list(SHARING_WAYS.items()))
    shared_on = DayField(_l("Day"), validators=[required()])
    workers_reached = WholeNumberField(
        _l("Workers reached (if known)"), minimum=1, maximum=1_000_000,
        description=_l("About how many workers saw or heard the results."))
    submit = SubmitField(_l("Save"))


class DoubtToProviderForm(Form):
    question_code = ChoiceField(_l("Indicator"), validators=[Optional()])
    text = TextBoxField(_l("Your doubt about the data"), validators=[required(), max_length(1000)],
                        description=_l("For example: workers may have read the question about "
                                       "overtime as being about this week only."))
    submit = SubmitField(_l("Ask the provider"))


class ProviderAnswerForm(Form):
    answer = TextBoxField(_l("Your answer"), validators=[required(), max_length(2000)])
    submit = SubmitField(_l("Send the answer"))
