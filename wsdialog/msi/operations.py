"""What the MSI's coordinator writes: commits."""

from __future__ import annotations

from .. import audit
from ..extensions import db
from ..models import utcnow
from .models import SectorResponse


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
