"""What the onboarding pages read. Every query is scoped; none writes."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from ..extensions import db
from ..models import Supplier, User
from ..tenancy import scoped
from . import pipeline, scoring
from .models import Engagement, PriorityWeights, StageChange
from .pipeline import Stage


def existing_engagement(supplier: Supplier, user: User) -> Engagement | None:
    """The user's company's engagement with the supplier, if there is one."""
    return db.session.scalar(
        scoped(Engagement, user).where(Engagement.supplier_id == supplier.id))


def company_weights() -> dict[str, int]:
    """The company's weights of the priority criteria, ours where it set none."""
    row = db.session.scalar(scoped(PriorityWeights))
    return {**scoring.DEFAULT_WEIGHTS, **(row.weights if row else {})}


def all_moves() -> list[pipeline.Move]:
    """The company's recorded moves, as the funnel needs them."""
    rows = db.session.execute(
        scoped(StageChange).join(StageChange.engagement)
        .with_only_columns(Engagement.supplier_id, StageChange.to_stage, StageChange.at,
                           StageChange.reasons, Engagement.strategies)).all()
    return [pipeline.Move(supplier_id=s, to_stage=t, at=a, reasons=tuple(r or ()),
                          strategies=tuple(st or ())) for s, t, a, r, st in rows]


def in_stage(stage: Stage) -> sa.Select:
    """SQL: the company's suppliers at ``stage`` of onboarding (a supplier nobody
    moved yet is a candidate), by name."""
    engaged = scoped(Engagement).with_only_columns(Engagement.supplier_id)
    if stage is Stage.candidate:
        chosen = Supplier.id.not_in(engaged.where(Engagement.stage != Stage.candidate))
    else:
        chosen = Supplier.id.in_(engaged.where(Engagement.stage == stage))
    return scoped(Supplier).where(chosen)


def engagements_of(suppliers) -> dict[int, Engagement]:
    """The company's engagement with each of these suppliers, where there is one."""
    ids = [supplier.id for supplier in suppliers]
    return {e.supplier_id: e for e in db.session.scalars(scoped(Engagement).where(
        Engagement.supplier_id.in_(ids)))} if ids else {}


def reasks_due(day: date) -> sa.Select:
    """SQL: declined suppliers that may be asked again (``pipeline.may_approach``),
    the longest due first."""
    return scoped(Engagement).where(Engagement.stage == Stage.declined,
                                    Engagement.reask_on <= day) \
        .order_by(Engagement.reask_on, Engagement.id)
