"""Writes of the coordinator's side: member companies."""

from __future__ import annotations

from ..extensions import db
from ..models import Company


def add_company(name: str) -> Company:
    """A new member company, flushed so that its first admin's invitation can
    name it; that invitation's commit stores both, or neither."""
    company = Company(name=name)
    db.session.add(company)
    db.session.flush()
    return company
