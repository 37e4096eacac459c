"""What the MSI writes: its response to an issue members raised for a sector-wide
solution, per theme and country."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Role, User, utcnow
from ..tenancy import rule


class SectorResponse(db.Model):
    """The MSI's response to a theme raised in a country ("Living wage, Vietnam:
    the MSI convenes a buyers' working group in March")."""

    __tablename__ = "sector_response"
    __table_args__ = (sa.UniqueConstraint("theme", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(sa.String(30))
    country: Mapped[str] = mapped_column(sa.String(2))
    text: Mapped[str] = mapped_column(sa.Text)
    written_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    written_by: Mapped[User] = relationship()


@rule(SectorResponse)
def _sector_response(user: User):
    # The MSI's sector agenda: its coordinator writes it, every member reads it.
    return sa.true() if user.role in (Role.coordinator, Role.brand) else sa.false()
