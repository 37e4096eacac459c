"""Planning survey cycles: windows, the next round, and holidays. No Flask."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from .. import calendar

#: A survey stays open two weeks unless extended.
DEFAULT_WINDOW_DAYS = 14
#: The next cycle starts 8 to 12 weeks after the last one closed.
NEXT_AFTER = (timedelta(weeks=8), timedelta(weeks=12))
#: Rounds a year: a new supplier four, a returning one two.
ROUNDS_NEW, ROUNDS_RETURNING = 4, 2
#: What workers are promised before they answer: they hear the grouped results
#: within six weeks of the close (the brand checks and releases them, the supplier
#: and the brand talk them over, and the supplier shares them, e.g. on a poster).
RESULTS_BACK_DAYS = 42


class CycleState(enum.Enum):
    planned = "planned"
    open = "open"
    closed = "closed"
    results_shared = "results_shared"
    dialogue_held = "dialogue_held"

    # For the templates, which cannot name the members.
    @property
    def is_planned(self) -> bool:
        return self is CycleState.planned

    @property
    def is_open(self) -> bool:
        return self is CycleState.open

    @property
    def is_closed(self) -> bool:
        return self is CycleState.closed

    @property
    def is_results_shared(self) -> bool:
        return self is CycleState.results_shared


@dataclass(frozen=True)
class CycleFacts:
    starts_on: date
    ends_on: date
    results_shared_on: date | None = None
    dialogue_held_on: date | None = None


def window_open(starts_on, ends_on, today):
    """Whether answers are accepted on ``today``. Written with ``&`` so that the
    same rule works on dates and on columns (``SurveyCycle.is_open`` in SQL)."""
    return (starts_on <= today) & (ends_on >= today)


def window_ended(ends_on, today):
    """Whether the window is over: on dates and on columns alike."""
    return ends_on < today


def state(cycle: CycleFacts, today: date) -> CycleState:
    """Computed from dates, never typed in."""
    if cycle.dialogue_held_on and cycle.dialogue_held_on <= today:
        return CycleState.dialogue_held
    if cycle.results_shared_on and cycle.results_shared_on <= today:
        return CycleState.results_shared
    if window_open(cycle.starts_on, cycle.ends_on, today):
        return CycleState.open
    if window_ended(cycle.ends_on, today):
        return CycleState.closed
    return CycleState.planned


def default_window(starts_on: date) -> tuple[date, date]:
    return starts_on, starts_on + timedelta(days=DEFAULT_WINDOW_DAYS - 1)


def next_window(last_closed_on: date) -> tuple[date, date]:
    """The earliest and latest start for the next cycle."""
    return last_closed_on + NEXT_AFTER[0], last_closed_on + NEXT_AFTER[1]


def results_back_by(ends_on: date) -> date:
    """The day by which workers are told they will hear the grouped results."""
    return ends_on + timedelta(days=RESULTS_BACK_DAYS)


def rounds_per_year(cycles_so_far: int) -> int:
    """New suppliers (no cycle yet, or in their first year) get four rounds."""
    return ROUNDS_NEW if cycles_so_far < ROUNDS_NEW else ROUNDS_RETURNING


def holidays_in_window(country: str, starts_on: date, ends_on: date,
                       locale: str | None = None) -> calendar.HolidayWarnings:
    """Public holidays inside the window, and the periods around holidays that it
    touches (the weeks after Lunar New Year, Ramadan…): both lower response."""
    return calendar.holiday_warnings(country, starts_on, ends_on, locale)


def overlapping(starts_on: date, ends_on: date, others):
    """The first of ``others`` (anything with ``starts_on`` and ``ends_on``) whose
    window shares a day with ``starts_on``–``ends_on``, or None. Two cycles of one
    company at one site may not overlap: workers would be asked twice at once, and
    an answer could not be told to belong to one or the other."""
    return next((other for other in others
                 if other.starts_on <= ends_on and starts_on <= other.ends_on), None)
