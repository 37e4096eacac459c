"""Organisation tokens for the JSON API. A member company's ESG or reporting tool
reads the company's released results, agreements and yearly summary with one; a
survey provider's tool reads the cycles assigned to the provider and pushes
respondents into them with one. A token belongs to the organisation (not to the
person who made it), carries the scopes it was given, and is stored only as a
digest: whoever holds the secret is the organisation, for those scopes, until
it is revoked."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, StateError, User, utcnow
from ..providers.models import Provider
from ..tenancy import rule
from ..text import N_

#: A member company's scopes -> what each allows, translated where shown.
COMPANY_SCOPES: dict[str, str] = {
    "results:read": N_("Read released results (aggregated, with the anonymity rule)"),
    "agreements:read": N_("Read agreements and their status"),
    "summary:read": N_("Read the yearly due-diligence summary"),
}
#: A survey provider's scopes.
PROVIDER_SCOPES: dict[str, str] = {
    "cycles:read": N_("Read the assigned cycles and their questionnaires"),
    "respondents:write": N_("Send respondents into assigned cycles that accept answers"),
}
SCOPES: dict[str, str] = {**COMPANY_SCOPES, **PROVIDER_SCOPES}


def scopes_for(user) -> dict[str, str]:
    """The scopes an organisation of ``user``'s kind may give its tokens."""
    return PROVIDER_SCOPES if user.is_provider else COMPANY_SCOPES


class ApiToken(db.Model):
    """One token of a member company or of a survey provider, for its tools."""

    __tablename__ = "api_token"
    __table_args__ = (
        sa.CheckConstraint("(company_id IS NULL) <> (provider_id IS NULL)",
                           name="one_organisation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    provider_id: Mapped[int | None] = mapped_column(sa.ForeignKey("provider.id"), index=True)
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

    company: Mapped[Company | None] = relationship()
    provider: Mapped[Provider | None] = relationship()
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


@rule(ApiToken)
def _api_token(user: User):
    # The organisation's own tokens: a company's staff, or a provider's people.
    if user.role is Role.brand:
        return ApiToken.company_id == user.company_id
    if user.role is Role.provider:
        return ApiToken.provider_id == user.provider_id
    return sa.false()
