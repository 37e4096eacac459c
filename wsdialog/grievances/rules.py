"""The rules of grievance channels' figures. No Flask.

What a channel's summary for a period may say (no more resolved and open than
received, no more by theme than received…), the periods (a month or a quarter,
never overlapping for one channel), the rate per 1,000 workers per year, and the
readings a page gives: few complaints where many workers say they are afraid to
raise a problem reads as silence, not as peace; many complaints is not a bad sign
in itself. Never case text, never a complainant: counts only.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..questionnaires.starter import THEMES as SURVEY_THEMES
from ..text import N_

#: The themes a complaint is counted under: the questionnaires' themes, and "other".
THEMES: dict[str, str] = {**SURVEY_THEMES, "other": N_("Other")}
#: What no theme holds (received minus the themes' counts): a group of its own.
UNCLASSIFIED = "unclassified"

#: The starter questionnaire's indicator of fear to speak up (its negative answer,
#: "yes", is the share of workers afraid).
AFRAID_CODE = "AFRAID_TO_RAISE"
#: Fewer complaints than this per 1,000 workers per year is "few": helplines that
#: workers use receive several per 1,000 a year (Amader Kotha's busiest factories,
#: dozens); under five, a site of 600 hears from fewer than three workers a year,
#: which is almost nobody using the channel.
FEW_PER_1000 = 5.0


class PeriodKind(enum.Enum):
    month = "month"
    quarter = "quarter"

    @property
    def months(self) -> int:
        return 1 if self is PeriodKind.month else 3


class Channel(enum.Enum):
    helpline = "helpline"
    app = "app"
    suggestion_box = "suggestion_box"
    committee = "committee"
    union = "union"
    brand = "brand"

    @property
    def label(self) -> str:
        """Its name, to translate where shown."""
        return CHANNEL_NAMES[self.value]


CHANNEL_NAMES: dict[str, str] = {
    # Translators: a phone line workers call to raise a problem
    "helpline": N_("Helpline"),
    # Translators: a messaging app (WhatsApp, Viber…) or a phone app workers raise problems in
    "app": N_("WhatsApp or app"),
    # Translators: a locked box at the site for written, often anonymous, complaints
    "suggestion_box": N_("Suggestion box"),
    # Translators: the elected committee of workers at the site, as a place to raise problems
    "committee": N_("Worker committee"),
    # Translators: a trade union, as a place to raise problems
    "union": N_("Union"),
    # Translators: a grievance mechanism run by the buying company (the brand) itself
    "brand": N_("The brand's own mechanism"),
}

#: UN Guiding Principle 31: the effectiveness criteria of a grievance mechanism.
CRITERIA: dict[str, str] = {
    "legitimate": N_("Legitimate: trusted by the workers it is for, and accountable for fair "
                     "conduct"),
    "accessible": N_("Accessible: known to all workers, with help for those who face barriers"),
    "predictable": N_("Predictable: a clear procedure with time frames, known outcomes and "
                      "follow-up"),
    "equitable": N_("Equitable: workers have access to the information, advice and expertise "
                    "they need"),
    "transparent": N_("Transparent: workers are kept informed of their complaint's progress"),
    "rights_compatible": N_("Rights-compatible: outcomes and remedies accord with human rights"),
    "learning": N_("A source of continuous learning: lessons taken to prevent future harm"),
    "engagement": N_("Based on engagement and dialogue with the workers it is for"),
}
#: An answer to each criterion.
CRITERION_ANSWERS: dict[str, str] = {
    "yes": N_("Yes"),
    # Translators: an answer: the criterion is partly met
    "partly": N_("Partly"),
    "no": N_("No"),
}


# --- periods -------------------------------------------------------------------------

#: The years a period may lie in.
YEARS = range(1990, 2101)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-01)?$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    kind: PeriodKind = field(compare=False)

    @property
    def end(self) -> date:
        """The first day after the period."""
        month = self.start.month - 1 + self.kind.months
        return date(self.start.year + month // 12, month % 12 + 1, 1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def code(self) -> str:
        """As a file and the form write it: 2027-03, 2027-Q1."""
        if self.kind is PeriodKind.quarter:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    def same(self, other: Period) -> bool:
        return self.start == other.start and self.kind is other.kind

    def overlaps(self, other: Period) -> bool:
        return self.start < other.end and other.start < self.end


def period(start: date, kind: PeriodKind) -> Period:
    """The period that starts on ``start``; ValueError unless a month starts on its
    first day and a quarter on the first of January, April, July or October."""
    if start.day != 1 or (kind is PeriodKind.quarter and start.month % 3 != 1):
        raise ValueError("not_a_period_start")
    return Period(start, kind)


def parse_period(text: str) -> Period:
    """2027-03 (or 2027-03-01) is a month, 2027-Q1 a quarter; ValueError otherwise."""
    text = (text or "").strip()
    if (match := _QUARTER.match(text)) and int(match[1]) in YEARS:
        year, quarter = int(match[1]), int(match[2])
        return Period(date(year, 3 * quarter - 2, 1), PeriodKind.quarter)
    if (match := _MONTH.match(text)) and int(match[1]) in YEARS and 1 <= int(match[2]) <= 12:
        return Period(date(int(match[1]), int(match[2]), 1), PeriodKind.month)
    raise ValueError("bad_period")


# --- what a summary may say ---------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """One channel's figures for one period."""

    received: int
    resolved: int = 0
    still_open: int = 0
    days_to_response: float | None = None
    days_to_resolution: float | None = None
    by_theme: Mapping[str, int] = field(default_factory=dict)
    anonymous: int | None = None
    women: int | None = None

    @property
    def unclassified(self) -> int:
        return self.received - sum(self.by_theme.values())


#: Problem code -> what it means (the route and the importer translate it).
PROBLEMS = {
    "negative": N_("A count cannot be below zero."),
    "resolved_open_over_received": N_("Resolved and still open together are more than "
                                      "received."),
    "themes_over_received": N_("The counts by theme add up to more than received."),
    "part_over_received": N_("This is more than received."),
    "unknown_theme": N_("This is not a theme we know."),
    "resolution_without_resolved": N_("A time to resolution needs complaints resolved."),
    "resolution_before_response": N_("The time to resolution is shorter than the time to a "
                                     "first response."),
}


def problems(figures: Figures) -> list[tuple[str, str]]:
    """(field, problem code) for each thing the figures cannot be; none: they may be
    stored. Fields are ``Figures``' names, ``theme:<code>`` for a theme."""
    found: list[tuple[str, str]] = []
    counts = {"received": figures.received, "resolved": figures.resolved,
              "still_open": figures.still_open, "anonymous": figures.anonymous,
              "women": figures.women, "days_to_response": figures.days_to_response,
              "days_to_resolution": figures.days_to_resolution,
              **{f"theme:{code}": n for code, n in figures.by_theme.items()}}
    for name, value in counts.items():
        if value is not None and value < 0:
            found.append((name, "negative"))
    if found:
        return found
    for code in figures.by_theme:
        if code not in THEMES:
            found.append((f"theme:{code}", "unknown_theme"))
    if figures.resolved + figures.still_open > figures.received:
        found.append(("resolved", "resolved_open_over_received"))
    if sum(figures.by_theme.values()) > figures.received:
        found.append(("by_theme", "themes_over_received"))
    for name in ("anonymous", "women"):
        value = getattr(figures, name)
        if value is not None and value > figures.received:
            found.append((name, "part_over_received"))
    if figures.days_to_resolution is not None:
        if figures.resolved == 0:
            found.append(("days_to_resolution", "resolution_without_resolved"))
        elif figures.days_to_response is not None \
                and figures.days_to_resolution < figures.days_to_response:
            found.append(("days_to_resolution", "resolution_before_response"))
    return found


def overlapping(new: Period, existing: Iterable[Period]) -> Period | None:
    """An existing period of the same channel that ``new`` overlaps (a month within
    a quarter already entered), if any: its complaints would be counted twice."""
    return next((p for p in existing if p.overlaps(new) and not p.same(new)), None)


# --- what the figures say -----------------------------------------------------------


def per_1000_a_year(received: int, headcount: int | None, days: int) -> float | None:
    """Complaints per 1,000 workers per year, over ``days`` of figures."""
    if not headcount or days <= 0:
        return None
    return received / headcount * 1000 * 365 / days


def share_resolved(received: int, resolved: int) -> float | None:
    return resolved / received if received else None


def middle(values: Iterable[float | None]) -> float | None:
    """The median of the periods' medians that are known (a reading, not the median
    of all complaints: the periods' own lists are not kept)."""
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


class Trend(enum.Enum):
    rising = "rising"
    falling = "falling"
    steady = "steady"


TREND_NAMES: dict[str, str] = {
    # Translators: the number of complaints over the periods is rising
    "rising": N_("rising"),
    # Translators: the number of complaints over the periods is falling
    "falling": N_("falling"),
    # Translators: the number of complaints over the periods stays about the same
    "steady": N_("steady"),
}


def trend(rates: Sequence[float]) -> Trend | None:
    """The last third of the periods against the rest: a change of a quarter or
    more is rising or falling. Needs three periods."""
    if len(rates) < 3:
        return None
    cut = len(rates) - max(1, len(rates) // 3)
    before = sum(rates[:cut]) / cut
    after = sum(rates[cut:]) / (len(rates) - cut)
    if before == 0:
        return Trend.rising if after > 0 else Trend.steady
    if after >= before * 1.25:
        return Trend.rising
    if after <= before * 0.75:
        return Trend.falling
    return Trend.steady


class Reading(enum.Enum):
    #: Few or no complaints, and many workers afraid to raise a problem.
    silence = "silence"
    #: Few or no complaints; the survey says nothing of fear (or it is low).
    few = "few"
    #: Complaints come in: workers use the channel.
    used = "used"


def reading(rate: float | None, afraid_share: float | None, many_pct: int) -> Reading | None:
    """What the volume says. ``afraid_share`` is the share of workers in the site's
    latest released cycle who are afraid to raise a problem (None: not asked, or
    withheld); ``many_pct`` the company's threshold for "many" (its priority
    threshold, in percent)."""
    if rate is None:
        return None
    if rate < FEW_PER_1000:
        if afraid_share is not None and afraid_share * 100 >= many_pct:
            return Reading.silence
        return Reading.few
    return Reading.used
