"""Counts of each member's progress (``progress.Progress``), in a few grouped
queries. Not scoped on purpose, and only here: the coordinator may see how far
each member has come, never what it holds — every query returns counts per
company and nothing else. Reads only."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa

from ..chooser.models import Assessment
from ..dialogues.models import Action, ActionStatus, AttentionPoint, Dialogue, DialogueStatus
from ..extensions import db
from ..onboarding.models import Engagement, StageChange
from ..onboarding.pipeline import Stage
from ..results.models import WorkerSharing
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from . import learning, sector
from .progress import Progress

OPEN = (ActionStatus.planned, ActionStatus.in_progress)


def _counts(stmt) -> dict[int, int]:
    return dict(db.session.execute(stmt).all())


def member_progress(company_ids: Iterable[int], day: date) -> dict[int, Progress]:
    """Each company's progress on ``day``, by company id (counts only)."""
    ids = list(company_ids)
    if not ids:
        return {}

    def by_company(column, *where, count=None):
        counted = count if count is not None else sa.func.count()
        return _counts(sa.select(column, counted).where(column.in_(ids), *where)
                       .group_by(column))

    stage = Engagement.stage
    cycle = SurveyCycle.company_id
    action_company = sa.select(Dialogue.company_id).where(
        Dialogue.id == Action.dialogue_id).scalar_subquery()
    actions = {name: _counts(
        sa.select(action_company, sa.func.count(Action.id)).where(action_company.in_(ids),
                                                                  *where)
        .group_by(action_company)) for name, where in (
            ("open", (Action.status.in_(OPEN), Action.due_on >= day)),
            ("done", (Action.status == ActionStatus.done,)),
            ("overdue", (Action.status.in_(OPEN), Action.due_on < day)))}
    counts = {
        "sites_assessed": by_company(Assessment.company_id, Assessment.site_id.is_not(None),
                                     count=sa.func.count(sa.distinct(Assessment.site_id))),
        "suppliers_approached": by_company(Engagement.company_id, stage.in_(
            (Stage.approached, Stage.in_discussion, Stage.joined, Stage.declined,
             Stage.paused))),
        "suppliers_joined": by_company(Engagement.company_id, stage == Stage.joined),
        "suppliers_declined": by_company(Engagement.company_id, stage == Stage.declined),
        "cycles_planned": by_company(cycle, SurveyCycle.starts_on > day),
        "cycles_run": by_company(cycle, SurveyCycle.ends_on < day),
        "cycles_released": by_company(cycle, SurveyCycle.is_released),
        "dialogues_held": by_company(Dialogue.company_id,
                                     Dialogue.status == DialogueStatus.held),
        "agreements_open": actions["open"],
        "agreements_done": actions["done"],
        "agreements_overdue": actions["overdue"],
        "shared_with_workers": by_company(cycle, sa.exists().where(
            WorkerSharing.cycle_id == SurveyCycle.id)),
    }
    return {cid: Progress(**{name: found.get(cid, 0) for name, found in counts.items()})
            for cid in ids}


def sector_marks() -> list[tuple[int, str, str]]:
    """(company id, theme, country) of every point and agreement marked as needing
    a sector-wide solution. Not scoped: ``sector.issues`` turns them into counts
    before anything is shown."""
    marks = []
    for model in (Action, AttentionPoint):
        marks += db.session.execute(sa.select(
            Dialogue.company_id, model.sector_theme, model.sector_country).join(
            Dialogue, Dialogue.id == model.dialogue_id).where(
            model.sector_theme.is_not(None))).all()
    return [tuple(mark) for mark in marks]


def sector_issues() -> list[sector.Issue]:
    """The issues enough members raised (``sector.MIN_MEMBERS``), counts only."""
    return sector.issues(sector_marks())


def own_marks() -> list:
    """The current company's own points and agreements marked as sector-wide."""
    found = []
    for model in (Action, AttentionPoint):
        found += db.session.scalars(scoped(model).where(model.sector_theme.is_not(None)))
    return found


def lessons() -> tuple[list[learning.Lesson], list[learning.Lesson]]:
    """(decline reasons, strategies before joining) across members. Not scoped:
    ``learning`` counts them, and shows nothing under its member threshold."""
    declines = db.session.execute(sa.select(Engagement.company_id, StageChange.reasons).join(
        Engagement, Engagement.id == StageChange.engagement_id).where(
        StageChange.to_stage == Stage.declined)).all()
    joins = db.session.execute(sa.select(Engagement.company_id, Engagement.strategies).where(
        Engagement.stage == Stage.joined)).all()
    return (learning.decline_reasons([tuple(row) for row in declines]),
            learning.strategies_before_joining([tuple(row) for row in joins]))
