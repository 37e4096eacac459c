"""What the onboarding pages read. Every query is scoped; none writes."""

from __future__ import annotations

from ..extensions import db
from ..models import Supplier, User
from ..tenancy import scoped
from .models import Engagement


def existing_engagement(supplier: Supplier, user: User) -> Engagement | None:
    """The user's company's engagement with the supplier, if there is one."""
    return db.session.scalar(
        scoped(Engagement, user).where(Engagement.supplier_id == supplier.id))
