"""The sector benchmark: how the negative shares of sites spread on one MSI
template question in one country, without naming or giving away any site or
member. No Flask.

1. A site contributes the latest released cycle that closed within a year and
   whose questionnaire version came from the template, when the company that ran
   it has opted in. Its figure for a question is that cycle's whole-cycle cell as
   the results pages show it, under the company's own threshold k
   (``results.anonymity``): a withheld cell contributes nothing, and a shown one
   its blurred negative share.
2. A group (template question × country) is shown only when at least
   ``MIN_SITES`` sites of at least ``MIN_MEMBERS`` member companies contribute.
3. It shows the number of sites and three points: the lower quartile, the median
   and the upper quartile (linear interpolation between the sorted shares). Never
   the lowest or the highest share, which are one site's figure each.
4. With five sites the quartiles are the second, third and fourth share: one
   site's figure again, which a member who knows the others (its own sites, set
   to extremes by the answers it sends) could read off. So each point is blurred
   as every count is (``anonymity.noise``), in whole percentage points, under a
   key made of the secrets of the contributing cycles: the same contributions
   always show the same figures, and whatever the others know, every share of
   the site they want stays possible (:func:`likelihood` is above zero for each).
   The median is blurred, then the distance from it to each quartile, so that
   the three stay in order.

A member sees where its own sites fall (:func:`placement`); the coordinator sees
every group that passes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..results.anonymity import Cell, Shown, blurred, likelihood, noise
from ..text import N_

MIN_SITES = 5
MIN_MEMBERS = 3
#: Cycles older than this (closed more than a year ago) no longer count.
WITHIN_DAYS = 365


@dataclass(frozen=True)
class Contribution:
    """One site's figure for one question: the cell of its latest cycle."""

    company_id: int
    site_id: int
    cell: Cell
    #: The cycle's secret (``SurveyCycle.figure_seed``): part of the group's key.
    seed: str

    @property
    def counts(self) -> bool:
        return isinstance(self.cell, Shown)

    @property
    def share(self) -> float:
        return self.cell.negative_share


@dataclass(frozen=True)
class Spread:
    """What a group shows: the number of sites and three points, in percent."""

    sites: int
    lower: int
    median: int
    upper: int


def passes(contributions: Iterable[Contribution]) -> bool:
    """Whether enough sites of enough members contribute a shown figure."""
    counted = [c for c in contributions if c.counts]
    return len(counted) >= MIN_SITES and len({c.company_id for c in counted}) >= MIN_MEMBERS


def quantile(ordered: Sequence[float], p: float) -> float:
    """The ``p`` quantile of sorted values, interpolated linearly between the two
    nearest (the usual definition: the median of 1, 2, 3, 4 is 2.5)."""
    position = (len(ordered) - 1) * p
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def true_points(shares: Iterable[float]) -> tuple[int, int, int]:
    """Lower quartile, median and upper quartile of ``shares``, in whole percent
    (before the blur)."""
    ordered = sorted(shares)
    return tuple(round(100 * quantile(ordered, p)) for p in (0.25, 0.5, 0.75))


def key_of(seeds: Iterable[str]) -> str:
    """The group's secret: from the secrets of the cycles that contribute, so that
    nobody who lacks one can predict the blur, and other contributions draw anew."""
    digest = hashlib.blake2b(digest_size=16)
    for seed in sorted(seeds):
        digest.update(seed.encode() + b"\0")
    return digest.hexdigest()


def blur_point(value: int, key: str, where: tuple) -> int:
    """A percentage blurred like a count, kept within 0–100."""
    return min(100, max(0, value + noise(key, where)))


def blurred_parts(points: tuple[int, int, int], key: str, where: tuple
                  ) -> tuple[int, int, int]:
    """(median, distance down to the lower quartile, distance up to the upper one),
    each blurred on its own."""
    lower, median, upper = points
    return (blur_point(median, key, where + ("median",)),
            blurred(median - lower, key, where + ("below",)),
            blurred(upper - median, key, where + ("above",)))


def spread(contributions: Sequence[Contribution], where: tuple) -> Spread | None:
    """The group's spread, or None when it may not be shown (rule 2). ``where``
    names the group (template, question code, country)."""
    if not passes(contributions):
        return None
    counted = [c for c in contributions if c.counts]
    median, below, above = blurred_parts(true_points(c.share for c in counted),
                                         key_of(c.seed for c in counted), where)
    return Spread(len(counted), max(0, median - below), median, min(100, median + above))


def point_likelihood(shown: int, true: int) -> float:
    """The chance that a percentage whose true value is ``true`` shows as ``shown``
    (``blur_point``): above zero for every pair within 0–100."""
    if not 0 <= shown <= 100:
        return 0.0
    if 0 < shown < 100:
        return likelihood(shown, true)
    # An end: every change that would reach it or go past it.
    distance = true if shown == 0 else 100 - true
    return likelihood(0, max(distance, 0))


def parts_likelihood(parts: tuple[int, int, int], points: tuple[int, int, int]) -> float:
    """The chance of the blurred ``parts`` (``blurred_parts``) given true ``points``."""
    median, below, above = parts
    lower, true_median, upper = points
    return (point_likelihood(median, true_median) * likelihood(below, true_median - lower)
            * likelihood(above, upper - true_median))


#: Where a member's own site falls in a group's spread, as the page says it.
PLACEMENTS: dict[str, str] = {
    "below": N_("Fewer negative answers than three in four sites"),
    "lower_middle": N_("Between the lower quartile and the median"),
    "upper_middle": N_("Between the median and the upper quartile"),
    "above": N_("More negative answers than three in four sites"),
}


def placement(share: float, shown: Spread) -> str:
    """Where ``share`` (a member's own site) falls in ``shown``: a key of ``PLACEMENTS``."""
    percent = 100 * share
    if percent < shown.lower:
        return "below"
    if percent <= shown.median:
        return "lower_middle"
    if percent <= shown.upper:
        return "upper_middle"
    return "above"
