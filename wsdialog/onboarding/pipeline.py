"""The onboarding pipeline's rules and figures, without Flask.

A supplier moves candidate → shortlisted → approached → in discussion → joined,
or is declined or paused. A decline records reasons and a date to ask again
(six months later by default); before that date nothing suggests approaching
the supplier again: a "no" is respected.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median

from ..text import N_


class Stage(enum.Enum):
    candidate = "candidate"
    shortlisted = "shortlisted"
    approached = "approached"
    in_discussion = "in_discussion"
    joined = "joined"
    declined = "declined"
    paused = "paused"

    @property
    def is_declined(self) -> bool:  # for templates, which cannot name the members
        return self is Stage.declined


STAGE_NAMES = {
    Stage.candidate: N_("Candidate"),
    Stage.shortlisted: N_("Shortlisted"),
    Stage.approached: N_("Approached"),
    Stage.in_discussion: N_("In discussion"),
    Stage.joined: N_("Joined"),
    Stage.declined: N_("Declined"),
    Stage.paused: N_("Paused"),
}

#: Where a supplier may go from each stage. Going back is allowed where it is
#: real life (a discussion that stalls), never to skip asking.
MOVES: dict[Stage, tuple[Stage, ...]] = {
    Stage.candidate: (Stage.shortlisted, Stage.paused),
    Stage.shortlisted: (Stage.approached, Stage.candidate, Stage.paused),
    Stage.approached: (Stage.in_discussion, Stage.joined, Stage.declined, Stage.paused),
    Stage.in_discussion: (Stage.joined, Stage.declined, Stage.paused),
    Stage.joined: (Stage.paused,),
    Stage.declined: (Stage.approached, Stage.candidate),
    Stage.paused: (Stage.candidate, Stage.shortlisted, Stage.approached),
}

#: Worded as the supplier says them (the supplier picks them on its own page;
#: brand staff read them as the supplier's reasons).
DECLINE_REASONS: dict[str, str] = {
    "similar_projects": N_("We already run similar projects, or it feels like an audit"),
    "fewer_orders": N_("We fear it could cost us orders"),
    "weak_relationship": N_("Our relationship with you is not strong enough yet"),
    "low_volumes": N_("The volumes we produce for you are too small"),
    "no_capacity": N_("We have no time or capacity for it"),
    "sector": N_("It does not suit our sector"),
    "culture": N_("Cultural differences"),
    "language": N_("A language barrier"),
    "other": N_("Other"),
}

STRATEGIES: dict[str, str] = {
    "ambassador": N_("A participating supplier told them about it (ambassador)"),
    "benefits": N_("Stressed the benefits: retention, productivity, satisfaction, "
                   "reputation"),
    "long_term": N_("Long-term improvement, not an audit or a snapshot"),
    "little_time": N_("Little time needed: hands-off for the supplier"),
    "independent": N_("Run by an independent third party"),
    "no_effect_on_orders": N_("No effect on orders"),
}

#: Months until a declined supplier may be asked again.
REASK_MONTHS = 6


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def default_reask(declined_on: date) -> date:
    return add_months(declined_on, REASK_MONTHS)


def may_move(current: Stage, target: Stage) -> bool:
    return target in MOVES[current]


def may_approach(stage: Stage, reask_on: date | None, today: date) -> bool:
    """Whether the app may suggest approaching: never a declined supplier before
    its re-ask date."""
    if stage is Stage.declined:
        return reask_on is not None and today >= reask_on
    return stage in (Stage.candidate, Stage.shortlisted, Stage.paused)


@dataclass(frozen=True)
class Move:
    """One recorded stage change, as the funnel needs it."""

    supplier_id: int
    to_stage: Stage
    at: datetime
    reasons: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()


@dataclass
class Funnel:
    approached: int = 0
    joined: int = 0
    declined: int = 0
    reasons: Counter = field(default_factory=Counter)
    days_to_join: float | None = None
    strategies_joined: Counter = field(default_factory=Counter)
    strategies_declined: Counter = field(default_factory=Counter)

    @property
    def join_rate(self) -> float | None:
        return self.joined / self.approached if self.approached else None

    @property
    def decline_rate(self) -> float | None:
        return self.declined / self.approached if self.approached else None


def funnel(moves: Iterable[Move], year: int | None = None) -> Funnel:
    """Counts per supplier (not per move) of those approached in ``year`` (or
    ever): how many joined or declined, why they declined, how long joining took,
    and which engagement strategies preceded a "joined" or a "declined"."""
    by_supplier: dict[int, list[Move]] = {}
    for move in sorted(moves, key=lambda m: m.at):
        by_supplier.setdefault(move.supplier_id, []).append(move)
    result = Funnel()
    waits = []
    for history in by_supplier.values():
        first_approach = next((m for m in history if m.to_stage is Stage.approached), None)
        if first_approach is None or (year and first_approach.at.year != year):
            continue
        result.approached += 1
        used = {s for m in history for s in m.strategies}
        final = history[-1].to_stage
        joined = next((m for m in history if m.to_stage is Stage.joined), None)
        if joined:
            result.joined += 1
            waits.append((joined.at - first_approach.at).days)
            result.strategies_joined.update(used)
        elif final is Stage.declined:
            result.declined += 1
            result.reasons.update(history[-1].reasons)
            result.strategies_declined.update(used)
    result.days_to_join = median(waits) if waits else None
    return result
