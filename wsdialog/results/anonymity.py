"""The anonymity rule for every figure shown, exported or printed. No Flask.

1. No figure for fewer than ``min_group`` respondents (at least 5; a company may
   raise it, never lower it).
2. When a filter shows a group, its complement in the same cycle and question
   must also reach ``min_group``; otherwise both are suppressed, so that "filter
   A" and "filter not-A" cannot be subtracted from the total.
3. Counts are suppressed together with percentages.
4. A cycle with fewer than ``min_group`` respondents shows its response rate
   (a count of people who answered, not what they answered) but no answers.

Every function here returns either figures or the reason they are withheld.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..text import N_

MIN_GROUP = 5

REASONS = {
    "small_group": N_("Fewer than %(k)s people in this group answered: not shown, to "
                      "protect them."),
    "small_complement": N_("Hidden because the rest of the workers number fewer than "
                           "%(k)s: showing this group would reveal them."),
    "small_cycle": N_("Fewer than %(k)s workers answered in this cycle: answers are not "
                      "shown, to protect them. The response rate is."),
}


def effective_min(company_min: int | None) -> int:
    """The company's threshold, never below the floor."""
    return max(MIN_GROUP, company_min or MIN_GROUP)


@dataclass(frozen=True)
class Counts:
    positive: int = 0
    dont_know: int = 0
    negative: int = 0

    @property
    def total(self) -> int:
        return self.positive + self.dont_know + self.negative


@dataclass(frozen=True)
class Shown:
    """Figures that may be shown."""

    counts: Counts

    @property
    def shares(self) -> tuple[float, float, float]:
        total = self.counts.total
        return (self.counts.positive / total, self.counts.dont_know / total,
                self.counts.negative / total)

    @property
    def negative_share(self) -> float:
        return self.shares[2]

    suppressed = False


@dataclass(frozen=True)
class Withheld:
    """No figures; only why."""

    reason: str
    k: int

    suppressed = True

    @property
    def message(self) -> str:
        return REASONS[self.reason]


Cell = Shown | Withheld


def cycle_allows_answers(respondents: int, k: int) -> bool:
    return respondents >= k


def cell(group: Counts, total: Counts | None, k: int) -> Cell:
    """The figures for one question: ``group`` is what is to be shown; ``total``
    the whole cycle's counts for the question when ``group`` is a filtered
    subset (None when it is the whole cycle)."""
    if group.total < k:
        return Withheld("small_group", k)
    if total is not None:
        complement = total.total - group.total
        if complement < k:
            return Withheld("small_complement", k)
    return Shown(group)


def table(groups: Mapping[str, Counts], totals: Mapping[str, Counts] | None,
          respondents: int, k: int) -> dict[str, Cell]:
    """Cells for every question of a cycle; all withheld when the cycle itself
    is too small."""
    if not cycle_allows_answers(respondents, k):
        return {code: Withheld("small_cycle", k) for code in (totals or groups)}
    codes = totals.keys() if totals is not None else groups.keys()
    return {code: cell(groups.get(code, Counts()),
                       None if totals is None else totals.get(code, Counts()), k)
            for code in codes}
