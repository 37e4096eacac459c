"""Results of a cycle, counted in SQL and passed through the anonymity rule."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..questionnaires.answers import Answer
from ..questionnaires.models import Question, QuestionnaireVersion
from ..questionnaires.starter import THEMES
from ..surveys.models import (
    NOT_STATED,
    AnswerTally,
    GroupAnswerTally,
    GroupTally,
    Response,
    ResponseAnswer,
    SurveyCycle,
    respondent_counts,
)
from ..tenancy import scoped
from . import anonymity, reach
from .final import FinalFigures
from .models import DEFAULT_PRIORITY_PCT, ResultsAccess, ResultsSettings

#: Counts and cells of released cycles, computed once per process (see final.py).
FINAL = FinalFigures()
#: Parts of pages showing them: larger (about 20 KB each), so fewer are kept.
FINAL_PAGE_PARTS = FinalFigures(max_entries=2_000)

DIMENSIONS = ("gender", "age_band", "contract", "role")

from ..text import N_  # noqa: E402

GROUP_NAMES = {
    "gender": N_("Gender"), "age_band": N_("Age"), "contract": N_("Contract"),
    "role": N_("Job"),
    "woman": N_("Women"), "man": N_("Men"), "other": N_("Other"),
    "under_18": N_("Under 18"), "18_24": "18–24", "25_34": "25–34", "35_44": "35–44",
    "45_54": "45–54", "55_plus": N_("55 or older"),
    "permanent": N_("Permanent contract"), "temporary": N_("Temporary contract"),
    "agency": N_("Agency workers"), "migrant_contract": N_("Migrant contract"),
    "production": N_("Production"), "supervisor": N_("Supervisors"),
    "support": N_("Support staff"),
}


def settings_of(company_ids) -> dict[int, tuple[int, int]]:
    """(priority threshold in percent, minimum group size) of each company, in one
    query. Read by key, not scoped: a supplier must see results under exactly the
    same protection as the brand that runs the cycle."""
    company_ids = set(company_ids)
    rows = {row.company_id: row for row in db.session.scalars(
        sa.select(ResultsSettings).where(ResultsSettings.company_id.in_(company_ids)))} \
        if company_ids else {}
    return {cid: (rows[cid].priority_pct, anonymity.effective_min(rows[cid].min_group))
            if cid in rows else (DEFAULT_PRIORITY_PCT, anonymity.MIN_GROUP)
            for cid in company_ids}


def settings_for(company_id: int) -> tuple[int, int]:
    """(priority threshold in percent, minimum group size) of the cycle's company."""
    return settings_of([company_id])[company_id]


def is_priority(cell: anonymity.Cell, priority_pct: int) -> bool:
    """An indicator is a priority when its shown negative share is above the
    company's threshold; a withheld figure is never one."""
    return isinstance(cell, anonymity.Shown) and cell.negative_share * 100 > priority_pct


def fold(rows, negative: dict[str, str]) -> dict[str, anonymity.Counts]:
    """(code, answer, count) rows into positive / don't know / negative counts."""
    tally: dict[str, list[int]] = {}
    for code, answer, n in rows:
        if code not in negative:
            continue
        bucket = tally.setdefault(code, [0, 0, 0])
        if answer is Answer.dont_know:
            bucket[1] += n
        elif answer.value == negative[code]:
            bucket[2] += n
        else:
            bucket[0] += n
    return {code: anonymity.Counts(*tally.get(code, (0, 0, 0))) for code in negative}


def final_key(cycle: SurveyCycle) -> tuple | None:
    """The cycle's identity when its respondents can never change (released and
    closed), else None: then nothing about it is kept."""
    if not (cycle.is_released and cycle.has_ended):
        return None
    return (cycle.id, cycle.public_token, cycle.version_id)


def kept_for(cycle: SurveyCycle, what: tuple, compute):
    """``compute()``, kept for a released cycle under its identity plus ``what``
    (which must name everything else the value depends on)."""
    key = final_key(cycle)
    return compute() if key is None else FINAL.get_or_compute(key + what, compute)


def kept_page_part(cycle: SurveyCycle, what: tuple, compute):
    """Like ``kept_for``, in the smaller store for rendered HTML."""
    key = final_key(cycle)
    return compute() if key is None else FINAL_PAGE_PARTS.get_or_compute(key + what, compute)


def counts(cycle: SurveyCycle) -> dict[str, anonymity.Counts]:
    """Positive / don't know / negative per question code for the whole cycle,
    from the tallies kept at import."""
    return whole([cycle])[cycle.id][0]


def counts_by_group(cycle: SurveyCycle, dimension: str) -> dict[str | None, dict]:
    """Counts per question for every group of one dimension, "not stated" (None)
    included: the whole partition, which the anonymity rule needs."""
    return kept_for(cycle, ("groups", dimension), lambda: _counts_by_group(cycle, dimension))


def _counts_by_group(cycle: SurveyCycle, dimension: str) -> dict[str | None, dict]:
    negative = {q.code: q.negative for q in cycle.version.questions}
    rows: dict[str | None, list] = {}
    for group, code, answer, n in _group_answers(cycle, dimension):
        rows.setdefault(group, []).append((code, answer, n))
    return {group: fold(found, negative) for group, found in rows.items()}


def _group(value: str | None) -> str | None:
    """A group as kept in the group tallies, as the respondents' rows say it."""
    return None if value == NOT_STATED else value


def _group_answers(cycle: SurveyCycle, dimension: str) -> list[tuple]:
    """(group, code, answer, count) for every group with answers: from the
    respondents' rows, or from the counts kept when they were deleted (retention)."""
    if cycle.respondents_deleted_on is not None:
        kept = GroupAnswerTally
        return [(_group(group), code, answer, n) for group, code, answer, n in db.session.execute(
            sa.select(kept.group_value, kept.question_code, kept.answer, kept.count)
            .where(kept.cycle_id == cycle.id, kept.dimension == dimension))]
    column = getattr(Response, dimension)
    return list(db.session.execute(
        sa.select(column, ResponseAnswer.question_code, ResponseAnswer.answer,
                  sa.func.count())
        .join(Response, Response.id == ResponseAnswer.response_id)
        .where(ResponseAnswer.cycle_id == cycle.id)
        .group_by(column, ResponseAnswer.question_code, ResponseAnswer.answer)))


def group_sizes(cycle: SurveyCycle, dimension: str) -> dict[str | None, int]:
    """Respondents per group of one dimension, "not stated" (None) included (the
    cycle reached through a scoped query): from the respondents' rows, or from
    the counts kept when they were deleted."""
    if cycle.respondents_deleted_on is not None:
        return {_group(group): n for group, n in db.session.execute(
            scoped(GroupTally).with_only_columns(GroupTally.group_value, GroupTally.respondents)
            .where(GroupTally.cycle_id == cycle.id, GroupTally.dimension == dimension))}
    column = getattr(Response, dimension)
    return dict(db.session.execute(
        scoped(Response).with_only_columns(column, sa.func.count())
        .where(Response.cycle_id == cycle.id).group_by(column)).all())


def reach_of(cycle: SurveyCycle, respondents: int, k: int) -> list[reach.Reach]:
    """Who answered against who works at the site (see ``reach``)."""
    by_dimension = {dimension: kept_for(cycle, ("group sizes", dimension),
                                        lambda dimension=dimension: group_sizes(cycle, dimension))
                    for dimension in ("gender", "contract")}
    site = cycle.site
    return reach.reach({"women": site.share_women_pct, "migrant": site.share_migrant_pct,
                        "temporary": site.share_temporary_pct},
                       by_dimension, respondents, k)


# --- who sees figures, and when --------------------------------------------------


def access_of(cycle: SurveyCycle) -> ResultsAccess | None:
    """When the cycle's supplier first opened the results and said it reviewed them."""
    return db.session.scalar(scoped(ResultsAccess).where(
        ResultsAccess.cycle_id == cycle.id,
        ResultsAccess.supplier_id == cycle.site.supplier_id))


def figures_visible(user) -> sa.ColumnElement[bool]:
    """SQL: the cycles whose answer figures ``user`` may see. Nobody while the
    survey is open (one more answer between two looks would give it away);
    brand staff once it has closed, to check; supplier users once released."""
    if user.is_brand:
        return SurveyCycle.has_ended
    return sa.and_(SurveyCycle.has_ended, SurveyCycle.is_released)


def has_results() -> sa.ColumnElement[bool]:
    """SQL: the cycle has answers (a closed cycle nobody answered has no results)."""
    return sa.exists().where(AnswerTally.cycle_id == SurveyCycle.id)


def may_see_figures(cycle: SurveyCycle, user) -> bool:
    """``figures_visible`` for one cycle."""
    return bool(cycle.has_ended and (user.is_brand or cycle.is_released))


@dataclass(frozen=True)
class PageFacts:
    """What a cycle's results page depends on besides the cycle's own answers."""

    priority_pct: int
    k: int
    previous: SurveyCycle | None  # see ``page_facts``
    first_year: bool


def page_facts(cycle: SurveyCycle, user) -> PageFacts:
    """The company's settings; the cycle before at the same site, of the same
    company (whatever else the viewer sees), whose figures the viewer may see;
    and whether the site is in its first year of listening (its first cycle began
    under a year before this one). Two queries: the site's cycles are few."""
    priority_pct, k = settings_for(cycle.company_id)
    siblings = db.session.scalars(scoped(SurveyCycle, user).where(
        SurveyCycle.site_id == cycle.site_id,
        SurveyCycle.company_id == cycle.company_id)).all()
    earlier = [c for c in siblings
               if c.ends_on < cycle.starts_on and may_see_figures(c, user)]
    previous = max(earlier, key=lambda c: (c.ends_on, c.id), default=None)
    first = min((c.starts_on for c in siblings), default=None)
    return PageFacts(priority_pct, k, previous,
                     first is None or (cycle.starts_on - first).days < 365)


@dataclass
class Row:
    question: Question
    cell: anonymity.Cell
    change: float | None  # negative share now minus before, when both are shown
    priority: bool


def dashboard(cycle: SurveyCycle, dimension: str | None, value: str | None,
              user, sort: str = "theme", facts: PageFacts | None = None) -> dict:
    """Everything the results page shows, already protected."""
    facts = facts or page_facts(cycle, user)
    priority_pct, k, before = facts.priority_pct, facts.k, facts.previous
    figures = whole([cycle] + ([before] if before is not None else []))
    n = figures[cycle.id][1]
    filtered = bool(dimension in DIMENSIONS and value)
    if filtered:
        codes = [q.code for q in cycle.version.questions]
        groups = kept_for(cycle, ("group cells", dimension, k), lambda: anonymity.group_tables(
            counts_by_group(cycle, dimension), codes, n, k))
        cells = dict(groups.get(value) or {code: anonymity.Withheld("small_group", k)
                                           for code in codes})
    else:
        cells = cells_of(cycle, figures[cycle.id], k)
    before_cells = {}
    before_n = figures[before.id][1] if before is not None else 0
    if before is not None and not filtered:
        before_cells = cells_of(before, figures[before.id], k)
    rows = []
    for question in cycle.version.questions:
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
            "filtered": filtered}


# --- across cycles and sites -----------------------------------------------------


def tallies_for(cycles: list[SurveyCycle]) -> dict[int, dict[str, anonymity.Counts]]:
    """Whole-cycle counts for many cycles in one query on the tallies."""
    by_cycle: dict[int, list] = {c.id: [] for c in cycles}
    if cycles:
        for cycle_id, code, answer, n in db.session.execute(
                sa.select(AnswerTally.cycle_id, AnswerTally.question_code, AnswerTally.answer,
                          AnswerTally.count)
                .where(AnswerTally.cycle_id.in_(list(by_cycle)))):
            by_cycle[cycle_id].append((code, answer, n))
    return {c.id: fold(by_cycle[c.id], {q.code: q.negative for q in c.version.questions})
            for c in cycles}


@dataclass
class CycleCells:
    cycle: SurveyCycle
    respondents: int
    cells: dict[str, anonymity.Cell]
    cells_k: int  # the threshold the cells are under

    @property
    def rate(self) -> float:
        return self.respondents / self.cycle.headcount


def whole(cycles: list[SurveyCycle]) -> dict[int, tuple[dict[str, anonymity.Counts], int]]:
    """(counts per question, respondents) of each cycle: released ones from
    memory after the first time, the others in two queries. The cycles must
    have been reached through a scoped query (respondents are counted scoped)."""
    found: dict[int, tuple] = {}
    missing = []
    for cycle in cycles:
        key = final_key(cycle)
        hit = FINAL.get(key + ("whole",)) if key else None
        if hit is None:
            missing.append(cycle)
        else:
            found[cycle.id] = hit
    if missing:
        counts_by = tallies_for(missing)
        people = respondent_counts(c.id for c in missing)
        for cycle in missing:
            found[cycle.id] = (counts_by[cycle.id], people.get(cycle.id, 0))
            key = final_key(cycle)
            if key:
                FINAL.put(key + ("whole",), found[cycle.id])
    return found


def cells_of(cycle: SurveyCycle, figures: tuple, k: int) -> dict[str, anonymity.Cell]:
    """Whole-cycle cells under threshold ``k`` (a copy: callers may change it)."""
    return dict(kept_for(cycle, ("cells", k), lambda: anonymity.table(figures[0], figures[1], k)))


def protected(cycles: list[SurveyCycle]) -> list[CycleCells]:
    """Whole-cycle cells, through the anonymity rule, for each cycle: each with
    the threshold of the company that owns it."""
    figures = whole(cycles)
    settings = settings_of(c.company_id for c in cycles)
    return [CycleCells(c, figures[c.id][1],
                       cells_of(c, figures[c.id], settings[c.company_id][1]),
                       settings[c.company_id][1])
            for c in cycles]


def latest_per_site(company_id: int, user) -> list[SurveyCycle]:
    """The most recent cycle per site with results the user may see (not one
    planned, open or nobody answered): one query,
    with the sites, suppliers and questions loaded alongside (no query per row)."""
    from sqlalchemy.orm import joinedload

    from ..models import Site

    newest = (scoped(SurveyCycle).where(SurveyCycle.company_id == company_id,
                                        figures_visible(user), has_results())
              .with_only_columns(SurveyCycle.site_id,
                                 sa.func.max(SurveyCycle.starts_on).label("starts_on"))
              .group_by(SurveyCycle.site_id).subquery())
    cycles = db.session.scalars(
        scoped(SurveyCycle)
        .join(newest, sa.and_(newest.c.site_id == SurveyCycle.site_id,
                              newest.c.starts_on == SurveyCycle.starts_on))
        # Many-to-one in the same query (cheaper than an IN list per relationship).
        .options(joinedload(SurveyCycle.site).joinedload(Site.supplier),
                 joinedload(SurveyCycle.version).selectinload(
                     QuestionnaireVersion.questions))).unique().all()
    seen: dict[int, SurveyCycle] = {}
    for cycle in sorted(cycles, key=lambda c: -c.id):
        seen.setdefault(cycle.site_id, cycle)  # two cycles starting the same day: newest
    return sorted(seen.values(), key=lambda c: (c.site.supplier.name, c.site.name))


def question_texts(cycles: list[SurveyCycle], locale: str) -> dict[str, str]:
    """Each question's text in ``locale``, by code, from the newest cycle that has it."""
    texts: dict[str, str] = {}
    newest_first = sorted(cycles, key=lambda c: c.starts_on, reverse=True)
    for version in _versions(newest_first):
        for code, text in version.texts(locale).items():
            texts.setdefault(code, text)
    return texts


def codes_in_order(cycles: list[SurveyCycle]) -> list[tuple[str, str]]:
    """(code, theme) of every question in these cycles, first seen first."""
    seen: dict[str, str] = {}
    for version in _versions(cycles):
        for question in version.questions:
            seen.setdefault(question.code, question.theme)
    return list(seen.items())


def _versions(cycles: list[SurveyCycle]) -> list[QuestionnaireVersion]:
    """The cycles' questionnaire versions, each once, in the cycles' order (a
    hundred sites usually share a handful)."""
    return list({cycle.version_id: cycle.version for cycle in cycles}.values())


def heat_class(cell: anonymity.Cell) -> str:
    """A colour step for the negative share; the share is always written too."""
    if cell.suppressed:
        return "heat-none"
    share = cell.negative_share
    return ("heat-0" if share < 0.1 else "heat-1" if share < 0.25 else
            "heat-2" if share < 0.5 else "heat-3")


# --- for the questionnaire linter ------------------------------------------------


def positive_history(version: QuestionnaireVersion) -> dict[str, list[float]]:
    """Per question code, the positive share in each released cycle of this
    questionnaire (any version), oldest first. Through the anonymity rule like
    every figure: a withheld share is never used, and an open cycle never counts
    (one more answer could make a warning appear or vanish)."""
    cycles = list(db.session.scalars(
        scoped(SurveyCycle)
        .join(QuestionnaireVersion, SurveyCycle.version_id == QuestionnaireVersion.id)
        .where(QuestionnaireVersion.questionnaire_id == version.questionnaire_id,
               SurveyCycle.is_released, SurveyCycle.has_ended)
        .order_by(SurveyCycle.ends_on)))
    history: dict[str, list[float]] = {}
    for item in protected(cycles):
        for code, cell in item.cells.items():
            if not cell.suppressed:
                history.setdefault(code, []).append(cell.shares[0])
    return history
