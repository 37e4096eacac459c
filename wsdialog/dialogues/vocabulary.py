"""The vocabulary of the dialogue log: the organisations taking part, who owns
an agreement, how open the conversation felt, an agreement's status names and
the openness tips. No Flask."""

from __future__ import annotations

from ..questionnaires.starter import THEMES
from ..text import N_

ORGANISATIONS: dict[str, str] = {
    "brand": N_("Brand"),
    "supplier": N_("Supplier"),
    "factory": N_("Factory"),
    "worker_rep": N_("Worker representative"),
    "union": N_("Trade union"),
    "ngo": N_("NGO"),
    "interpreter": N_("Interpreter"),
}

OWNERS: dict[str, str] = {"brand": N_("Brand"), "supplier": N_("Supplier"),
                          "factory": N_("Factory")}

OPENNESS: dict[str, str] = {
    "open": N_("Open: problems were named and discussed"),
    "mostly_open": N_("Mostly open"),
    "guarded": N_("Guarded: answers stayed general"),
    "closed": N_("Closed: the results were disputed or avoided"),
}

STATUS_NAMES: dict[str, str] = {
    "planned": N_("Planned"), "in_progress": N_("In progress"), "done": N_("Done"),
    "dropped": N_("Dropped"),
}

#: The openness tips of the pilot: a short script to adapt, print and take along.
TIPS: list[str] = [
    N_("Start with what goes well: name the strong results and thank the people "
       "behind them."),
    N_("Say it plainly: these results never lead to sanctions or fewer orders. They "
       "are here to improve things together."),
    N_("Frame sensitive topics with care: talk about what workers experience, not "
       "about who is to blame."),
    N_("Ask open questions: \u201cWhat do you think lies behind this?\u201d, "
       "\u201cHow do you see it?\u201d"),
    N_("Look for root causes together before you talk about solutions."),
    N_("Listen actively: summarise what you heard, and let silences be."),
]


#: What may need a sector-wide solution: the questionnaire's themes, and the
#: buyers' own purchasing practices.
SECTOR_THEMES: dict[str, str] = {**THEMES, "purchasing": N_("Purchasing practices")}
