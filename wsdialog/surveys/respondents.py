"""The respondent's vocabulary: what a worker may say about themselves, and the
shape of one respondent's answers. No Flask.

The file parser, the web survey form, the stored rows and the figures all speak
it; it lives here, not in any one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..questionnaires.answers import Answer
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..text import N_

#: What a respondent may say about themselves ("about you" is optional).
DEMOGRAPHICS = ("gender", "age_band", "contract", "role")
CHANNELS = ("phone", "web", "whatsapp", "wechat", "sms")

#: Coarse bands only: a value outside these lists is refused, so that no file can
#: slip an identifying detail (an exact age, a name) into the data.
ALLOWED = {
    "gender": ("woman", "man", "other"),
    "age_band": ("under_18", "18_24", "25_34", "35_44", "45_54", "55_plus"),
    "contract": ("permanent", "temporary", "agency", "migrant_contract"),
    "role": ("production", "supervisor", "support", "other"),
    "channel": CHANNELS,
    # The survey languages the app knows, and nothing else (no name slips in here).
    "language": tuple(SURVEY_LANGUAGES),
}

#: The dimensions and their groups as the results pages name them.
GROUP_NAMES = {
    "gender": N_("Gender"), "age_band": N_("Age"), "contract": N_("Contract"),
    "role": N_("Job"),
    "woman": N_("Women"), "man": N_("Men"), "other": N_("Other"),
    "under_18": N_("Under 18"), "18_24": "18–24", "25_34": "25–34", "35_44": "35–44",
    "45_54": "45–54", "55_plus": N_("55 or older"),
    "permanent": N_("Permanent contract"), "temporary": N_("Temporary contract"),
    "agency": N_("Agency workers"), "migrant_contract": N_("Migrant contract"),
    "production": N_("Production"), "supervisor": N_("Supervisors"),
    "support": N_("Support staff"),
}


@dataclass
class Respondent:
    answered_on: date
    channel: str | None
    language: str | None
    demographics: dict[str, str | None]
    answers: dict[str, Answer]
    #: Where the respondent was in the file, and the provider's key: to report
    #: problems, never stored.
    row: int = field(default=0, repr=False)
    key: str = field(default="", repr=False)
