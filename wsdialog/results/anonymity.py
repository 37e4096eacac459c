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
5. Every count shown is blurred (:func:`blurred`). Rules 1–4 protect against
   someone who only looks; they count answers, and cannot tell a worker's answer
   from one the viewer sent himself. Whoever holds the survey link can add four
   answers of his own to a group of one and subtract them. So each shown count
   carries a small random change, fixed per cell (the same cell always shows the
   same figure), drawn so that every shown value is possible whatever the true
   count: subtracting known answers leaves noise, never a certain answer
   (:func:`likelihood`). The thresholds of rules 1–4 are decided on the true
   counts; only what is shown is blurred.

Every function here returns either figures or the reason they are withheld.
"""

from __future__ import annotations

import hashlib
import math
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
    "blurred": N_("Not shown: once blurred to protect the people who answered, too "
                  "little of this figure was left to show."),
}

#: How strongly counts are blurred: a change of ``d`` answers is ``BLUR ** |d|`` times
#: as likely as none. With 0.5 a count stays as it is one time in three and moves by
#: more than two one time in eight; one answer more or less changes the chance of
#: any shown figure at most twofold (``1 / BLUR``).
BLUR = 0.5


def _unit(digest: bytes, part: int) -> float:
    """A number in (0, 1) from eight bytes of ``digest``."""
    return (int.from_bytes(digest[8 * part:8 * part + 8], "big") + 0.5) / 2 ** 64


def noise(seed: str, cell: tuple) -> int:
    """The change of one cell: two-sided geometric (P(d) ∝ BLUR**|d|), drawn from a
    keyed hash (BLAKE2b, a MAC with a key) of the cell under the cycle's secret
    seed, so that the same cell always gets the same change and no one without
    the seed can predict it."""
    digest = hashlib.blake2b(repr(cell).encode(), key=seed.encode()[:64], digest_size=24).digest()
    if _unit(digest, 0) < (1 - BLUR) / (1 + BLUR):
        return 0
    size = 1 + math.floor(math.log(_unit(digest, 1)) / math.log(BLUR))
    return size if _unit(digest, 2) < 0.5 else -size


def blurred(count: int, seed: str, cell: tuple) -> int:
    """The count shown for a true ``count``: changed by the cell's noise, never
    below zero."""
    return max(0, count + noise(seed, cell))


def likelihood(shown: int, true: int) -> float:
    """The chance that a cell whose true count is ``true`` shows ``shown``: above
    zero for every pair, which is why no shown figure makes any true count certain."""
    if shown < 0:
        return 0.0
    at_zero = (1 - BLUR) / (1 + BLUR)
    if shown > 0:
        return at_zero * BLUR ** abs(shown - true)
    # Zero: every change that would go below it (d <= -true).
    return at_zero * BLUR ** true / (1 - BLUR)


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
    """Figures that may be shown: blurred counts (rule 5), never the true ones."""

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


def blurred_counts(counts: Counts, seed: str, where: tuple) -> Counts:
    """Each of the three counts of a cell blurred on its own."""
    return Counts(*(blurred(n, seed, where + (part,)) for part, n in
                    (("positive", counts.positive), ("dont_know", counts.dont_know),
                     ("negative", counts.negative))))


def shown(counts: Counts, k: int, seed: str, where: tuple) -> Cell:
    """True counts that passed rules 1–4, as shown: blurred; withheld in the rare
    case nothing is left of them."""
    figures = blurred_counts(counts, seed, where)
    return Shown(figures) if figures.total else Withheld("blurred", k)


def cycle_allows_answers(respondents: int, k: int) -> bool:
    return respondents >= k


def cell(counts: Counts, k: int, seed: str, code: str) -> Cell:
    """The figures of question ``code`` for the whole cycle."""
    if counts.total < k:
        return Withheld("small_group", k)
    return shown(counts, k, seed, ("all", code))


def table(totals: Mapping[str, Counts], respondents: int, k: int, seed: str
          ) -> dict[str, Cell]:
    """Whole-cycle cells for every question; all withheld when the cycle itself
    is too small. ``seed`` is the cycle's secret (``SurveyCycle.figure_seed``)."""
    if not cycle_allows_answers(respondents, k):
        return {code: Withheld("small_cycle", k) for code in totals}
    return {code: cell(counts, k, seed, code) for code, counts in totals.items()}


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
                 respondents: int, k: int, seed: str, dimension: str
                 ) -> dict[Hashable, dict[str, Cell]]:
    """Cells per group of ``dimension`` and per question. ``by_group`` holds the
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
                cells[group][code] = shown(group_counts, k, seed, (dimension, group, code))
    return cells


def blurred_sizes(sizes: Mapping[Hashable, int], seed: str, dimension: str
                  ) -> dict[Hashable, int]:
    """Respondents per group of ``dimension`` as shown ("who answered"): blurred
    like every count, so that padding a group tells nothing of who else is in it.
    A group nobody is in stays at 0, and one somebody is in at 1 or more: the
    partition rule, which withholds groups of 1 to k−1, tells that much already."""
    return {group: n and max(1, blurred(n, seed, ("size", dimension, group)))
            for group, n in sizes.items()}


# --- grievance channels' figures (issue 24) -------------------------------------------
#
# A grievance summary counts complaints per period and theme, not answers: nobody
# can pad them, so they are not blurred, but a small count can still point at a
# person ("1 complaint about harassment from a woman at a 40-worker line"). The
# period's total stays shown; the themes are one partition of it (what no theme
# holds is a group of its own). A cell shown as "fewer than k" is known to hold
# 0 to k−1, one withheld to protect others k or more: the rule below makes sure
# that with the total and the shown cells, no withheld cell has one possible
# value only.


#: In what :func:`grievance_withheld` returns: the period's total is withheld too.
PERIOD_TOTAL = "__total__"


def grievance_withheld(by_theme: Mapping[Hashable, int], received: int, k: int
                       ) -> dict[Hashable, str]:
    """The theme cells of one period to withhold, with the reason for each
    ("small_group": shown as fewer than ``k``; "protects_others": withheld so that
    a count under ``k`` cannot be worked out). ``by_theme`` must hold every theme
    shown, the unclassified remainder included, and add up to ``received``.

    1. The partition rule (:func:`partition_withheld`): cells of 1 to k−1 are
       withheld, and then the smallest shown ones until the withheld add up to
       k or more.
    2. Once any cell is withheld, every empty cell is shown as "fewer than k" too:
       else a withheld cell would be known to hold at least one.
    3. If the withheld cells, all "fewer than k", could only add up to the
       remainder one way (each holding exactly k−1), one more cell is withheld;
       where none is left, the period's total too (key ``PERIOD_TOTAL``)."""
    withheld = partition_withheld(by_theme, k)
    if not withheld:
        return {}
    for theme, n in by_theme.items():
        if n == 0:
            withheld[theme] = "small_group"
    hidden = sum(by_theme[theme] for theme in withheld)
    if all(reason == "small_group" for reason in withheld.values()) \
            and hidden == len(withheld) * (k - 1) and hidden > 0:
        rest = sorted((n, str(theme), theme) for theme, n in by_theme.items()
                      if theme not in withheld)
        if rest:
            withheld[rest[0][2]] = "protects_others"
        else:  # every cell at k−1, none empty: the total would give them all away
            withheld[PERIOD_TOTAL] = "protects_others"
    return withheld


def grievance_part_withheld(part: int | None, received: int, k: int) -> str | None:
    """Whether a part of a period's complaints (how many came from women, how many
    anonymously) is withheld, and why: the part and the rest are a partition of
    the total. Under ``k`` complaints in all, the part is withheld whatever it is,
    0 included (else "withheld" would say that it is not 0), as fewer than ``k``;
    from ``k`` on, a part or rest of 1 to k−1 is withheld, as "withheld"."""
    if part is None or received == 0:
        return None
    if received < k:
        return "small_group"
    withheld = partition_withheld({"part": part, "rest": received - part}, k)
    # One reason for every part withheld here: saying "fewer than k" for some
    # would tell that the others are k or more, and with the total, which.
    return "protects_others" if "part" in withheld else None
