"""Writes of the MSI's pages: a member's choice to contribute to the benchmark, the
MSI's response to a sector issue. Each commits. (Templates are written through
``questionnaires.operations``.)"""

from __future__ import annotations

from .. import audit
from ..extensions import db
from ..models import User, utcnow
from ..tenancy import scoped
from .models import MemberSettings, SectorResponse


def contributes(company_id: int) -> bool:
    """Whether the current user's company contributes to the benchmark."""
    row = db.session.scalar(scoped(MemberSettings).where(MemberSettings.company_id == company_id))
    return bool(row and row.contributes_to_benchmark)


def set_contribution(company_id: int, wanted: bool, by: User) -> bool:
    """Contribute (or stop); whether anything changed. Saving the same choice
    again changes nothing, not even who made it."""
    row = db.session.scalar(scoped(MemberSettings).where(MemberSettings.company_id == company_id))
    if (row is not None and row.contributes_to_benchmark) == wanted:
        return False
    if row is None:
        row = MemberSettings(company_id=company_id)
        db.session.add(row)
    row.contributes_to_benchmark = wanted
    row.changed_at, row.changed_by_id = utcnow(), by.id
    audit.record("benchmark_joined" if wanted else "benchmark_left", company_id=company_id)
    db.session.commit()
    return True


def save_response(theme: str, country: str, text: str, by) -> None:
    """The MSI's response to a theme raised in a country (replacing an earlier one)."""
    response = db.session.scalar(db.select(SectorResponse).filter_by(theme=theme,
                                                                      country=country))
    if response is None:
        response = SectorResponse(theme=theme, country=country)
        db.session.add(response)
    response.text, response.written_by, response.updated_at = text, by, utcnow()
    audit.record("sector_response", target=f"{theme} {country}")
    db.session.commit()
