"""Who answered against who works there: the share of women, migrant and
temporary workers among the respondents beside their share in the site's
workforce, so that a brand sees which groups were heard less, or more, than
they work there, and which the survey never asked about. No Flask.

The respondents' groups are counted through the same partition rule as the
figures: a group of fewer than k respondents (or one whose count would let
another small group be worked out by subtraction) is not shown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..text import N_
from .anonymity import blurred_sizes, partition_withheld

#: group -> (dimension, the respondents' values that belong to it)
GROUPS: dict[str, tuple[str, frozenset[str]]] = {
    "women": ("gender", frozenset({"woman"})),
    "migrant": ("contract", frozenset({"migrant_contract"})),
    "temporary": ("contract", frozenset({"temporary", "agency"})),
}
NAMES = {"women": N_("Women"), "migrant": N_("Migrant workers"),
         "temporary": N_("Temporary or agency workers")}
#: A group answered in less than this part of its share of the workforce: under-heard.
UNDER = 0.75
#: ... and in more than this many times its share: over-heard (the same rule upside down).
OVER = 1 / UNDER
#: The groups the built-in web survey never asks about: it offers no migrant
#: contract (only a provider's file may say so).
NOT_ASKED_ON_THE_WEB = frozenset({"migrant"})


@dataclass(frozen=True)
class Reach:
    group: str
    site_pct: int | None  # the site's facts, in percent; None when not known
    share: float | None  # among the respondents who said; None when withheld
    #: "heard", "under", "over", "not_heard", "not_asked", "withheld", "not_stated"
    #: or "unknown"
    verdict: str

    @property
    def under_below(self) -> float | None:
        """The share among the respondents under which the group is heard less."""
        return None if self.site_pct is None else self.site_pct / 100 * UNDER

    @property
    def over_above(self) -> float | None:
        """The share among the respondents over which the group is heard more."""
        return None if self.site_pct is None else self.site_pct / 100 * OVER


def reach(site_pcts: Mapping[str, int | None],
          by_dimension: Mapping[str, Mapping[str | None, int]],
          respondents: int, k: int, seed: str,
          not_asked: frozenset[str] = frozenset()) -> list[Reach]:
    """One row per group. ``by_dimension`` holds, per dimension, the respondents
    of every value (None: not stated). Shares are of those who said (answering
    "about you" is optional); when nobody said, nothing can be compared; a group
    in ``not_asked`` was never offered as an answer, so its absence says nothing.
    A group is heard less than it works there under ``UNDER`` times its share of
    the workforce, more than it works there over ``OVER`` times. What is
    withheld is decided on the true counts; the shares shown are of the counts
    blurred with the cycle's ``seed``, like every figure."""
    rows = []
    for dimension in ("gender", "contract"):
        counts = by_dimension.get(dimension, {})
        groups = {name: values for name, (dim, values) in GROUPS.items() if dim == dimension}
        # The partition: each group of ours, then every other value on its own.
        sizes: dict[str | None, int] = {name: sum(counts.get(v, 0) for v in values)
                                        for name, values in groups.items()}
        mine = set().union(*groups.values())
        for value, n in counts.items():
            if value not in mine:
                sizes[f"other:{value}"] = n
        withheld = partition_withheld(sizes, k)
        if not any(value is not None and n for value, n in counts.items()):
            stated = 0
        else:
            counts = blurred_sizes(counts, seed, dimension)
            sizes = {name: sum(counts.get(v, 0) for v in values) for name, values in groups.items()}
            stated = sum(n for value, n in counts.items() if value is not None)
        for name in groups:
            site_pct = site_pcts.get(name)
            if name in not_asked:
                rows.append(Reach(name, site_pct, None, "not_asked"))
                continue
            if name in withheld:
                rows.append(Reach(name, site_pct, None, "withheld"))
                continue
            if not stated:
                rows.append(Reach(name, site_pct, None, "not_stated"))
                continue
            share = sizes[name] / stated
            if site_pct is None:
                verdict = "unknown"
            elif share == 0 and site_pct > 0:
                verdict = "not_heard"
            elif share * 100 < site_pct * UNDER:
                verdict = "under"
            elif share * 100 > site_pct * OVER:
                verdict = "over"
            else:
                verdict = "heard"
            rows.append(Reach(name, site_pct, share, verdict))
    order = list(GROUPS)
    return sorted(rows, key=lambda r: order.index(r.group))
