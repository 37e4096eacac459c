"""What the onboarding pages read. Every query is scoped; none writes."""

from __future__ import annotations

from ..extensions import db
from ..models import Supplier, User
from ..tenancy import scoped
from . import pipeline, scoring
from .models import Engagement, PriorityWeights, StageChange


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
