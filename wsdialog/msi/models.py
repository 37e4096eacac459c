"""What a member company decides about its part in the MSI: whether its sites'
figures go into the sector benchmark."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..tenancy import company_owned


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


company_owned(MemberSettings)
