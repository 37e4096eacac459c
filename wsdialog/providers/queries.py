"""Reads of survey providers: never a commit. Scoped to the user's reach."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import User
from ..tenancy import scoped
from .models import ProcessingAgreement, Provider, ProviderSettings


def providers() -> list[Provider]:
    """The providers the user sees: the instance's and the company's own."""
    return list(db.session.scalars(scoped(Provider).order_by(Provider.name)))


def agreements(company_id: int) -> dict[int, ProcessingAgreement]:
    """The company's data-processing agreements, by provider id."""
    return {a.provider_id: a for a in db.session.scalars(scoped(ProcessingAgreement).where(
        ProcessingAgreement.company_id == company_id))}


def assignable(company_id: int) -> list[Provider]:
    """The providers the company may assign a cycle to: those it signed a
    data-processing agreement with."""
    return list(db.session.scalars(scoped(Provider).where(Provider.id.in_(
        sa.select(ProcessingAgreement.provider_id).where(
            ProcessingAgreement.company_id == company_id))).order_by(Provider.name)))


def staff_may_upload(company_id: int) -> bool:
    """Whether the company's staff may upload files into a cycle a provider runs."""
    return bool(db.session.scalar(sa.select(ProviderSettings.staff_may_upload).where(
        ProviderSettings.company_id == company_id)))


def people(provider: Provider) -> list[User]:
    """The provider's accounts the user may see."""
    return list(db.session.scalars(scoped(User).where(User.provider_id == provider.id)
                                   .order_by(User.name)))
