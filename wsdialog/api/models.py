"""Organisation tokens for the JSON API: a member company's ESG or reporting tool
reads the company's released results and agreements with one of them. A token
belongs to the company (not to the admin who made it), carries the scopes it was
given, and is stored only as a digest: whoever holds the secret is the company,
for those scopes, until an admin revokes it."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, StateError, User, utcnow
from ..tenancy import company_owned
from ..text import N_

#: Scope -> what it allows, translated where shown.
SCOPES: dict[str, str] = {
    "results:read": N_("Read released results (aggregated, with the anonymity rule)"),
    "agreements:read": N_("Read agreements and their status"),
}


class ApiToken(db.Model):
    """One token of a member company for its tools."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    #: What it is for, as the admin named it ("ESG report tool").
    name: Mapped[str] = mapped_column(sa.String(120))
    #: The scopes granted (keys of ``SCOPES``).
    scopes: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: SHA-256 of the secret, in hex: the secret itself is shown once and never kept.
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    revoked_at: Mapped[datetime | None]
    revoked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    #: The last day a request came with it (a day, not a time: enough to find
    #: a token nobody uses any more).
    last_used_on: Mapped[date | None]

    company: Mapped[Company] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    revoked_by: Mapped[User | None] = relationship(foreign_keys=[revoked_by_id])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def allows(self, scope: str) -> bool:
        return not self.is_revoked and scope in (self.scopes or [])

    def revoke(self, by: User, at: datetime) -> None:
        """From now on the token opens nothing; refused when already revoked."""
        if self.is_revoked:
            raise StateError("revoked")
        self.revoked_at, self.revoked_by_id = at, by.id


company_owned(ApiToken)
