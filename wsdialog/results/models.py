"""A company's reading of results, and the supplier's access to them."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..models import Role, utcnow
from ..surveys.models import SurveyCycle
from ..tenancy import company_owned, within
from .anonymity import MIN_GROUP

#: The pilot's reading: an indicator is a priority above 50 % negative answers.
DEFAULT_PRIORITY_PCT = 50


class ResultsSettings(db.Model):
    """A company's reading of results: when an indicator is a priority, and how
    many respondents a group needs before it is shown (never fewer than
    ``anonymity.MIN_GROUP``, also in the database)."""

    __tablename__ = "results_settings"
    __table_args__ = (
        sa.CheckConstraint(f"min_group >= {MIN_GROUP}", name="min_group_floor"),
        sa.CheckConstraint("priority_pct >= 1 AND priority_pct <= 100", name="priority_range"),
    )

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    #: An indicator with more than this share of negative answers is a priority.
    priority_pct: Mapped[int] = mapped_column(default=DEFAULT_PRIORITY_PCT)
    min_group: Mapped[int] = mapped_column(default=MIN_GROUP)


class ResultsAccess(db.Model):
    """When a supplier organisation first opened a cycle's results, and when it
    said it had reviewed them: the brand sees both before a dialogue."""

    __tablename__ = "results_access"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "supplier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"))
    first_opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_at: Mapped[datetime | None]


# --- tenancy ---------------------------------------------------------------------

company_owned(ResultsSettings)
within(ResultsAccess, ResultsAccess.cycle_id, SurveyCycle, roles=(Role.brand, Role.supplier))
