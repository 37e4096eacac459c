"""The anonymity rule for every figure shown, exported or printed. No Flask.

1. No figure for fewer than ``k`` answers: ``k`` is the threshold of the company
   that owns the cycle, never below 5 (a company may raise it, never lower it).
2. A dimension (gender, age band, contract, job) is a partition of the answers
   to a question, "not stated" included. The groups withheld in it must add up
   to 0 answers or to at least ``k``: otherwise the total minus the shown groups
   would give away the withheld ones. So further groups are withheld, smallest
   first, until they do (:func:`partition_withheld`).
3. Counts are withheld together with percentages.
4. A cycle with fewer than ``k`` respondents shows its response rate (a count of
   people who answered, not what they answered) but no answers.

Every function here returns either figures or the reason they are withheld.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from ..text import N_

MIN_GROUP = 5

REASONS = {
    "small_group": N_("Fewer than %(k)s people in this group answered: not shown, to "
                      "protect them."),
    "protects_others": N_("Not shown although enough people in this group answered: "
                          "with the groups shown, it would let anyone work out the answers "
                          "of a group smaller than %(k)s."),
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

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.positive + other.positive, self.dont_know + other.dont_know,
                      self.negative + other.negative)


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


def cell(counts: Counts, k: int) -> Cell:
    """The figures of one question for the whole cycle."""
    return Shown(counts) if counts.total >= k else Withheld("small_group", k)


def table(totals: Mapping[str, Counts], respondents: int, k: int) -> dict[str, Cell]:
    """Whole-cycle cells for every question; all withheld when the cycle itself
    is too small."""
    if not cycle_allows_answers(respondents, k):
        return {code: Withheld("small_cycle", k) for code in totals}
    return {code: cell(counts, k) for code, counts in totals.items()}


def partition_withheld(sizes: Mapping[Hashable, int], k: int) -> dict[Hashable, str]:
    """The groups of one partition to withhold, with the reason for each.

    ``sizes`` are the answers per group, every group of the dimension included
    ("not stated" too). Groups under ``k`` are withheld; then, while the withheld
    groups add up to between 1 and k−1 answers, the smallest group still shown
    is withheld as well, so that no subtraction can reveal fewer than ``k``."""
    withheld = {group: "small_group" for group, n in sizes.items() if 0 < n < k}
    while 0 < sum(sizes[group] for group in withheld) < k:
        shown = sorted(((n, str(group), group) for group, n in sizes.items()
                        if group not in withheld and n > 0))
        if not shown:
            break  # everything is withheld: the total is under k, and so withheld too
        withheld[shown[0][2]] = "protects_others"
    return withheld


def group_tables(by_group: Mapping[Hashable, Mapping[str, Counts]], codes: Iterable[str],
                 respondents: int, k: int) -> dict[Hashable, dict[str, Cell]]:
    """Cells per group of one dimension and per question. ``by_group`` holds the
    counts of every group of the dimension, "not stated" (None) included: the
    partition is checked per question, over the answers to that question."""
    codes = list(codes)
    if not cycle_allows_answers(respondents, k):
        return {group: {code: Withheld("small_cycle", k) for code in codes}
                for group in by_group}
    cells: dict[Hashable, dict[str, Cell]] = {group: {} for group in by_group}
    for code in codes:
        counts = {group: by_group[group].get(code, Counts()) for group in by_group}
        withheld = partition_withheld({g: c.total for g, c in counts.items()}, k)
        for group, group_counts in counts.items():
            if group in withheld:
                cells[group][code] = Withheld(withheld[group], k)
            elif group_counts.total == 0:
                cells[group][code] = Withheld("small_group", k)  # nothing to show
            else:
                cells[group][code] = Shown(group_counts)
    return cells
