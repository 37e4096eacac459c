"""Results of a cycle, counted in SQL and passed through the anonymity rule."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..questionnaires.answers import Answer
from ..questionnaires.models import Question, QuestionnaireVersion
from ..questionnaires.starter import THEMES
from ..surveys.models import (
    AnswerTally,
    Response,
    ResponseAnswer,
    SurveyCycle,
    respondent_counts,
)
from ..tenancy import scoped
from . import anonymity
from .models import DEFAULT_PRIORITY_PCT, ResultsSettings

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


def settings_for(company_id: int) -> tuple[int, int]:
    """(priority threshold in percent, minimum group size) of the cycle's company.
    Read by key, not scoped: the supplier must see the results under exactly the
    same protection as the brand that runs the cycle."""
    row = db.session.get(ResultsSettings, company_id)
    if row is None:
        return DEFAULT_PRIORITY_PCT, anonymity.MIN_GROUP
    return row.priority_pct, anonymity.effective_min(row.min_group)


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


def counts(cycle: SurveyCycle, dimension: str | None = None,
           value: str | None = None) -> dict[str, anonymity.Counts]:
    """Positive / don't know / negative per question code: for the whole cycle
    from the tallies kept at import, for one group by a GROUP BY on its answers."""
    negative = {q.code: q.negative for q in cycle.version.questions}
    if dimension in DIMENSIONS and value:
        stmt = (sa.select(ResponseAnswer.question_code, ResponseAnswer.answer,
                          sa.func.count())
                .join(Response, Response.id == ResponseAnswer.response_id)
                .where(ResponseAnswer.cycle_id == cycle.id,
                       getattr(Response, dimension) == value)
                .group_by(ResponseAnswer.question_code, ResponseAnswer.answer))
    else:
        stmt = sa.select(AnswerTally.question_code, AnswerTally.answer, AnswerTally.count) \
            .where(AnswerTally.cycle_id == cycle.id)
    return fold(db.session.execute(stmt), negative)


def previous_cycle(cycle: SurveyCycle) -> SurveyCycle | None:
    return db.session.scalar(scoped(SurveyCycle).where(
        SurveyCycle.site_id == cycle.site_id, SurveyCycle.ends_on < cycle.starts_on)
        .order_by(SurveyCycle.ends_on.desc()).limit(1))


@dataclass
class Row:
    question: Question
    cell: anonymity.Cell
    change: float | None  # negative share now minus before, when both are shown
    priority: bool


def dashboard(cycle: SurveyCycle, dimension: str | None, value: str | None,
              sort: str = "theme") -> dict:
    """Everything the results page shows, already protected."""
    priority_pct, k = settings_for(cycle.company_id)
    n = respondent_counts([cycle.id])[cycle.id]
    totals = counts(cycle)
    filtered = bool(dimension in DIMENSIONS and value)
    cells = anonymity.table(counts(cycle, dimension, value) if filtered else totals,
                            totals if filtered else None, n, k)
    before = previous_cycle(cycle)
    before_cells = {}
    if before is not None and not filtered:
        before_cells = anonymity.table(counts(before), None,
                                       respondent_counts([before.id])[before.id], k)
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

    @property
    def rate(self) -> float:
        return self.respondents / self.cycle.headcount


def protected(cycles: list[SurveyCycle], k: int) -> list[CycleCells]:
    """Whole-cycle cells, through the anonymity rule, for each cycle."""
    counts_by = tallies_for(cycles)
    people = respondent_counts(c.id for c in cycles)
    return [CycleCells(c, people.get(c.id, 0),
                       anonymity.table(counts_by[c.id], None, people.get(c.id, 0), k))
            for c in cycles]


def latest_per_site(company_id: int) -> list[SurveyCycle]:
    """The most recent cycle per site of the user's reach: one query, with the
    sites, suppliers and questions loaded alongside (no query per row)."""
    from sqlalchemy.orm import selectinload

    from ..models import Site

    newest = (scoped(SurveyCycle).where(SurveyCycle.company_id == company_id)
              .with_only_columns(SurveyCycle.site_id,
                                 sa.func.max(SurveyCycle.starts_on).label("starts_on"))
              .group_by(SurveyCycle.site_id).subquery())
    cycles = db.session.scalars(
        scoped(SurveyCycle)
        .join(newest, sa.and_(newest.c.site_id == SurveyCycle.site_id,
                              newest.c.starts_on == SurveyCycle.starts_on))
        .options(selectinload(SurveyCycle.site).selectinload(Site.supplier),
                 selectinload(SurveyCycle.version).selectinload(
                     QuestionnaireVersion.questions))).unique().all()
    seen: dict[int, SurveyCycle] = {}
    for cycle in sorted(cycles, key=lambda c: -c.id):
        seen.setdefault(cycle.site_id, cycle)  # two cycles starting the same day: newest
    return sorted(seen.values(), key=lambda c: (c.site.supplier.name, c.site.name))


def codes_in_order(cycles: list[SurveyCycle]) -> list[tuple[str, str]]:
    """(code, theme) of every question in these cycles, first seen first."""
    seen: dict[str, str] = {}
    for cycle in cycles:
        for question in cycle.version.questions:
            seen.setdefault(question.code, question.theme)
    return list(seen.items())


def heat_class(cell: anonymity.Cell) -> str:
    """A colour step for the negative share; the share is always written too."""
    if cell.suppressed:
        return "heat-none"
    share = cell.negative_share
    return ("heat-0" if share < 0.1 else "heat-1" if share < 0.25 else
            "heat-2" if share < 0.5 else "heat-3")


# --- for the questionnaire linter ------------------------------------------------


def positive_history(version: QuestionnaireVersion) -> dict[str, list[float]]:
    """Per question code, the positive share in each closed cycle of this
    questionnaire (any version), oldest first; aggregated in SQL."""
    negative = {q.code: q.negative for q in version.questions}
    rows = db.session.execute(
        scoped(SurveyCycle)
        .join(QuestionnaireVersion, SurveyCycle.version_id == QuestionnaireVersion.id)
        .join(ResponseAnswer, ResponseAnswer.cycle_id == SurveyCycle.id)
        .where(QuestionnaireVersion.questionnaire_id == version.questionnaire_id)
        .with_only_columns(SurveyCycle.id, SurveyCycle.ends_on, ResponseAnswer.question_code,
                           ResponseAnswer.answer, sa.func.count())
        .group_by(SurveyCycle.id, SurveyCycle.ends_on, ResponseAnswer.question_code,
                  ResponseAnswer.answer)
        .order_by(SurveyCycle.ends_on)).all()
    totals: dict[tuple[int, str], list[int]] = {}
    for cycle_id, _ends, code, answer, count in rows:
        if code not in negative:
            continue
        bucket = totals.setdefault((cycle_id, code), [0, 0])
        bucket[1] += count
        if answer is not Answer.dont_know and answer.value != negative[code]:
            bucket[0] += count
    history: dict[str, list[float]] = {}
    for (_cycle, code), (positive, total) in totals.items():
        # Like every figure, a share from fewer than 5 answers is never used.
        if total >= anonymity.MIN_GROUP:
            history.setdefault(code, []).append(positive / total)
    return history
