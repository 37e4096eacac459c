"""Survey providers as organisations: a vendor, a union or an NGO that runs
surveys for member companies, with logins of its own. The coordinator registers
one for the whole instance, or a member company for itself. A member company
assigns a cycle to a provider only once it has signed a data-processing
agreement with it; the provider's people then see that cycle (not its figures)
and upload its files."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, User, utcnow
from ..tenancy import company_owned, rule


class Provider(db.Model):
    """A survey provider: a vendor, a union or an NGO running surveys."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: The channels it runs (``surveys.respondents.CHANNELS`` codes).
    channels: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: ISO 3166-1 alpha-2 codes of the countries it works in.
    countries: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: The survey languages it works in.
    languages: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: Whom to contact: a name, an address or number.
    contact: Mapped[str] = mapped_column(sa.String(200), default="")
    #: The member company that registered it for itself; None: the coordinator,
    #: for every member of the instance.
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company | None] = relationship()

    @property
    def for_everyone(self) -> bool:
        return self.company_id is None

    def registered_by(self, user: User) -> bool:
        """Whether ``user`` keeps this provider's facts and people: the coordinator
        for the instance's providers, a company's admins for its own."""
        if self.company_id is None:
            return user.is_coordinator
        return user.is_brand_admin and user.company_id == self.company_id


class ProcessingAgreement(db.Model):
    """The day a member company signed a data-processing agreement with a
    provider: without one, no cycle of the company is assigned to it."""

    __tablename__ = "processing_agreement"

    provider_id: Mapped[int] = mapped_column(sa.ForeignKey("provider.id", ondelete="CASCADE"),
                                             primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    signed_on: Mapped[date]

    provider: Mapped[Provider] = relationship()
    company: Mapped[Company] = relationship()


class ProviderSettings(db.Model):
    """Whether the company's own staff may still upload files into a cycle run by
    a provider (off by default: the provider's files then come from the provider
    alone, which the supplier can trust)."""

    __tablename__ = "provider_settings"

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    staff_may_upload: Mapped[bool] = mapped_column(default=False)


# --- tenancy ---------------------------------------------------------------------


@rule(Provider)
def _provider(user: User):
    if user.role is Role.coordinator:
        return sa.true()
    if user.role is Role.brand:
        return sa.or_(Provider.company_id.is_(None), Provider.company_id == user.company_id)
    if user.role is Role.provider:
        return Provider.id == user.provider_id
    return sa.false()


@rule(ProcessingAgreement)
def _agreement(user: User):
    if user.role is Role.brand:
        return ProcessingAgreement.company_id == user.company_id
    if user.role is Role.provider:  # which members it may work for
        return ProcessingAgreement.provider_id == user.provider_id
    return sa.false()


company_owned(ProviderSettings)
