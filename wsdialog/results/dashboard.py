"""What a cycle's results page shows, assembled from the reads and already
through the anonymity rule: rows by theme or by negative share, the change since
the cycle before, priorities and who answered. Reads only."""

from __future__ import annotations

from dataclasses import dataclass

from ..questionnaires.models import Question
from ..questionnaires.starter import THEMES
from ..surveys.models import SurveyCycle
from ..surveys.queries import first_start, previous_cycle, questions_asked
from ..surveys.respondents import DEMOGRAPHICS
from . import anonymity, reach
from .kept import kept_for
from .queries import (
    cells_of,
    counts_by_group,
    figures_to_show,
    group_sizes,
    took_files,
    whole_cycle_figures,
)
from .settings import cycle_settings


def is_priority(cell: anonymity.Cell, priority_pct: int) -> bool:
    """An indicator is a priority when its shown negative share is above the
    company's threshold; a withheld figure is never one."""
    return isinstance(cell, anonymity.Shown) and cell.negative_share * 100 > priority_pct


def reach_of(cycle: SurveyCycle, respondents: int, k: int) -> list[reach.Reach]:
    """Who answered against who works at the site (see ``reach``): for a released
    cycle, as the site's facts were at the release. A cycle whose
    answers all came through the built-in survey never asked about a migrant
    contract."""
    by_dimension = {dimension: kept_for(cycle, ("group sizes", dimension),
                                        lambda dimension=dimension: group_sizes(cycle, dimension))
                    for dimension in ("gender", "contract")}
    women, migrant, temporary = cycle.workforce_shares
    files = kept_for(cycle, ("took files",), lambda: took_files(cycle))
    return reach.reach({"women": women, "migrant": migrant, "temporary": temporary},
                       by_dimension, respondents, k, cycle.figure_seed,
                       not_asked=frozenset() if files else reach.NOT_ASKED_ON_THE_WEB)


@dataclass(frozen=True)
class PageFacts:
    """What a cycle's results page depends on besides the cycle's own answers."""

    cycle: SurveyCycle
    priority_pct: int
    k: int
    previous: SurveyCycle | None  # see ``page_facts``
    first_year: bool

    @property
    def figures_from(self) -> list[SurveyCycle]:
        """The cycles whose answers the page's figures come from: the cycle, and the
        one its changes are measured against. The route records them as shown
        (``operations.record_figures_shown``) before ``page_data`` reads them."""
        return [self.cycle] + ([self.previous] if self.previous is not None else [])


def page_facts(cycle: SurveyCycle, user, compare: bool = True) -> PageFacts:
    """The cycle's settings (``cycle_settings``); the cycle before at the same site, of the same
    company (whatever else the viewer sees), whose figures the viewer may see —
    unless the page shows no change since (``compare=False``: the poster, the
    export), which then neither reads nor records it; and whether the site is in
    its first year of listening (its first cycle began under a year before this one)."""
    priority_pct, k = cycle_settings([cycle])[cycle.id]
    previous = previous_cycle(cycle, user, among=figures_to_show(user)) if compare else None
    first = first_start(cycle, user)
    return PageFacts(cycle, priority_pct, k, previous,
                     first is None or (cycle.starts_on - first).days < 365)


@dataclass
class Row:
    question: Question
    cell: anonymity.Cell
    change: float | None  # negative share now minus before, when both are shown
    priority: bool


def _group_size(cycle: SurveyCycle, dimension: str, value: str, respondents: int,
                k: int) -> int | None:
    """The respondents of one group as shown (blurred, like "who answered"); None
    when the partition rule withholds it, or the cycle is too small to show any."""
    sizes = kept_for(cycle, ("group sizes", dimension),
                     lambda: group_sizes(cycle, dimension))
    if respondents < k or value in anonymity.partition_withheld(sizes, k):
        return None
    return anonymity.blurred_sizes(sizes, cycle.figure_seed, dimension).get(value, 0)


def page_data(facts: PageFacts, dimension: str | None = None, value: str | None = None,
              sort: str = "theme") -> dict:
    """Everything the results page shows about ``facts.cycle``, already protected.
    A read: the route that shows it has recorded the receipt for
    ``facts.figures_from`` first."""
    cycle = facts.cycle
    priority_pct, k, before = facts.priority_pct, facts.k, facts.previous
    figures = whole_cycle_figures([cycle] + ([before] if before is not None else []))
    n = figures[cycle.id][1]
    filtered = bool(dimension in DEMOGRAPHICS and value)
    if filtered:
        codes = [q.code for q in cycle.version.questions]
        groups = kept_for(cycle, ("group cells", dimension, k), lambda: anonymity.group_tables(
            counts_by_group(cycle, dimension), codes, n, k, cycle.figure_seed, dimension))
        cells = dict(groups.get(value) or {code: anonymity.Withheld("small_group", k)
                                           for code in codes})
        group_size = _group_size(cycle, dimension, value, n, k)
    else:
        cells = cells_of(cycle, figures[cycle.id], k)
        group_size = None
    before_cells = {}
    before_n = figures[before.id][1] if before is not None else 0
    if before is not None and not filtered:
        before_cells = cells_of(before, figures[before.id], k)
    rows = []
    asked = questions_asked(cycle)
    for question in asked:
        current = cells[question.code]
        old = before_cells.get(question.code)
        change = None
        if isinstance(current, anonymity.Shown) and isinstance(old, anonymity.Shown):
            change = current.negative_share - old.negative_share
        rows.append(Row(question, current, change, is_priority(current, priority_pct)))
    if sort == "negative":
        rows.sort(key=lambda r: (r.cell.suppressed,
                                 -(r.cell.negative_share if not r.cell.suppressed else 0)))
        groups = [(None, rows)]
    else:
        groups = [(theme, [r for r in rows if r.question.theme == theme]) for theme in THEMES]
        groups = [(theme, rs) for theme, rs in groups if rs]
    return {"respondents": n, "rate": n / cycle.headcount, "groups": groups,
            "reach": reach_of(cycle, n, k) if n >= k else [],
            "first_year": facts.first_year,
            "previous_rate": before_n / before.headcount if before is not None else None,
            "priorities": [r for r in rows if r.priority], "k": k,
            "priority_pct": priority_pct, "small_cycle": n < k, "previous": before,
            "filtered": filtered, "group_size": group_size,
            "not_asked": [q for q in cycle.version.questions if q not in asked]}
