"""Writes about survey providers: register, keep their facts, record agreements,
invite their people, the company's upload setting. Each one audited."""

from __future__ import annotations

from datetime import date

from .. import audit, invitations
from ..extensions import db
from ..models import Role, User
from .models import ProcessingAgreement, Provider, ProviderSettings

FACTS = ("name", "channels", "countries", "languages", "contact")


def register(by: User, facts: dict) -> Provider:
    """A provider for the whole instance (by the coordinator) or for the
    registering member company alone."""
    provider = Provider(company_id=by.company_id if by.is_brand else None,
                        **{name: facts[name] for name in FACTS})
    db.session.add(provider)
    db.session.flush()
    audit.record("provider_registered", company_id=provider.company_id,
                 target=f"provider {provider.id}", note=provider.name)
    db.session.commit()
    return provider


def update(provider: Provider, facts: dict) -> None:
    for name in FACTS:
        setattr(provider, name, facts[name])
    db.session.commit()


def record_agreement(provider: Provider, company_id: int, signed_on: date | None) -> None:
    """The day the company signed a data-processing agreement with the provider
    (None: it has none, or no longer)."""
    agreement = db.session.get(ProcessingAgreement, (provider.id, company_id))
    if (agreement.signed_on if agreement else None) == signed_on:
        return  # saved unchanged: nothing to record
    if signed_on is None:
        if agreement is not None:
            db.session.delete(agreement)
    elif agreement is None:
        db.session.add(ProcessingAgreement(provider_id=provider.id, company_id=company_id,
                                           signed_on=signed_on))
    else:
        agreement.signed_on = signed_on
    audit.record("processing_agreement", company_id=company_id,
                 target=f"provider {provider.id}",
                 note=signed_on.isoformat() if signed_on else "")
    db.session.commit()


def set_staff_may_upload(company_id: int, allowed: bool) -> None:
    settings = db.session.get(ProviderSettings, company_id)
    if settings is None:
        if not allowed:
            return  # the default: nothing to store
        settings = ProviderSettings(company_id=company_id)
        db.session.add(settings)
    if settings.staff_may_upload != allowed:
        settings.staff_may_upload = allowed
        audit.record("staff_upload_setting", company_id=company_id,
                     note="on" if allowed else "off")
    db.session.commit()


def invite(provider: Provider, by: User, email: str, name: str, locale: str):
    """Invite someone to log in for the provider; the invitation and its delivery."""
    invitation = invitations.create(email=email, name=name, role=Role.provider,
                                    company=by.company if by.is_brand else None,
                                    invited_by=by, locale=locale, provider=provider)
    delivery = invitations.deliver(invitation)
    db.session.commit()
    return invitation, delivery
