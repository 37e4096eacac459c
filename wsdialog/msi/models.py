"""What the MSI and its members decide: whether a member's sites' figures go into
the sector benchmark, and the MSI's response to an issue members raised for a
sector-wide solution, per theme and country."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Role, User, utcnow
from ..tenancy import company_owned, rule


class MemberSettings(db.Model):
    """A member's choices about the MSI's shared figures. Without a row: none
    made, so it does not contribute (the default)."""

    __tablename__ = "member_settings"

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    #: The company's released cycles from MSI templates count in the sector
    #: benchmark, and its staff see the benchmark: only those who contribute do.
    contributes_to_benchmark: Mapped[bool] = mapped_column(default=False)
    #: Who last changed the choice, and when.
    changed_at: Mapped[datetime | None]
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))


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


# --- tenancy ---------------------------------------------------------------------

company_owned(MemberSettings)


@rule(SectorResponse)
def _sector_response(user: User):
    # The MSI's sector agenda: its coordinator writes it, every member reads it.
    return sa.true() if user.role in (Role.coordinator, Role.brand) else sa.false()
