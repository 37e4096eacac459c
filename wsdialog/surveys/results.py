"""Results of a cycle, counted in SQL and passed through the anonymity rule."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..tenancy import scoped
from . import anonymity
from .answers import Answer
from .models import Question, Response, ResponseAnswer, ResultsSettings, SurveyCycle
from .questionnaire import THEMES

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
        return 50, anonymity.MIN_GROUP
    return row.priority_pct, anonymity.effective_min(row.min_group)


def counts(cycle: SurveyCycle, dimension: str | None = None,
           value: str | None = None) -> dict[str, anonymity.Counts]:
    """Positive / don't know / negative per question code, for the whole cycle or
    the respondents with ``dimension == value``; one GROUP BY query."""
    stmt = (sa.select(ResponseAnswer.question_code, ResponseAnswer.answer, sa.func.count())
            .where(ResponseAnswer.cycle_id == cycle.id)
            .group_by(ResponseAnswer.question_code, ResponseAnswer.answer))
    if dimension in DIMENSIONS and value:
        stmt = stmt.join(Response, Response.id == ResponseAnswer.response_id).where(
            getattr(Response, dimension) == value)
    negative = {q.code: q.negative for q in cycle.version.questions}
    tally: dict[str, list[int]] = {}
    for code, answer, n in db.session.execute(stmt):
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


def respondents(cycle: SurveyCycle) -> int:
    return db.session.scalar(sa.select(sa.func.count(Response.id)).where(
        Response.cycle_id == cycle.id)) or 0


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
    n = respondents(cycle)
    totals = counts(cycle)
    filtered = bool(dimension in DIMENSIONS and value)
    cells = anonymity.table(counts(cycle, dimension, value) if filtered else totals,
                            totals if filtered else None, n, k)
    before = previous_cycle(cycle)
    before_cells = {}
    if before is not None and not filtered:
        before_cells = anonymity.table(counts(before), None, respondents(before), k)
    rows = []
    for question in cycle.version.questions:
        current = cells[question.code]
        old = before_cells.get(question.code)
        change = None
        if isinstance(current, anonymity.Shown) and isinstance(old, anonymity.Shown):
            change = current.negative_share - old.negative_share
        rows.append(Row(question, current, change, isinstance(current, anonymity.Shown)
                        and current.negative_share * 100 > priority_pct))
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
