"""Writes of the onboarding pipeline, used by several routes. No Flask: the
caller says who acts and when, and commits."""

from __future__ import annotations

from datetime import date, datetime

from ..extensions import db
from ..models import Supplier, User
from ..tenancy import scoped
from . import pipeline
from .models import Engagement, Milestone, MilestoneRevision, StageChange
from .pipeline import Stage


def existing_engagement(supplier: Supplier, user: User) -> Engagement | None:
    """The user's company's engagement with the supplier, if there is one."""
    return db.session.scalar(
        scoped(Engagement, user).where(Engagement.supplier_id == supplier.id))


def engagement_for(supplier: Supplier, user: User) -> Engagement:
    """The company's engagement with a supplier it works with, created as a
    candidate the first time it is needed."""
    engagement = existing_engagement(supplier, user)
    if engagement is None:
        engagement = Engagement(company_id=user.company_id, supplier=supplier,
                                stage=Stage.candidate, strategies=[])
        db.session.add(engagement)
        db.session.flush()
    return engagement


def revise_milestone(milestone: Milestone, new_due_on: date, reason: str, note: str,
                     by: User, at: datetime) -> MilestoneRevision:
    """Move a milestone, keeping the old date and the reason; a window keeps its length."""
    return milestone.revise(new_due_on, reason, note, by, at)


def record_move(engagement: Engagement, to: Stage, by: User, *, at: datetime, reasons=(),
                note: str = "", reask_on: date | None = None) -> StageChange:
    """Move and log it. A decline always gets a re-ask date (default six months)."""
    change = StageChange(engagement=engagement, from_stage=engagement.stage, to_stage=to,
                         by=by, note=note.strip(), reasons=list(reasons), at=at)
    engagement.stage = to
    engagement.reask_on = (reask_on or pipeline.default_reask(at.date())) \
        if to is Stage.declined else None
    db.session.add(change)
    return change
