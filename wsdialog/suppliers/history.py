"""The history of a site's facts: every change, by whom and when. Several
companies and the supplier's own people rely on the same facts, so each of them
can see how those facts came about. No Flask: the route saves the site and
calls :func:`record_changes`."""

from __future__ import annotations

import enum

import sqlalchemy as sa

from .. import audit
from ..extensions import db
from ..models import SITE_FACTS, Site, SiteChange, SupplierRelationship, User, utcnow


def _as_text(value) -> str | None:
    """A fact as the history stores it; None (not known) and "" are the same."""
    if isinstance(value, enum.Enum):
        value = value.value
    if value is None or value == "":
        return None
    return str(value)


def facts_of(site: Site) -> dict[str, str | None]:
    """The site's facts now, to compare with after an edit."""
    return {name: _as_text(getattr(site, name)) for name in SITE_FACTS}


def record_changes(site: Site, before: dict[str, str | None], by: User) -> list[SiteChange]:
    """Add a ``SiteChange`` for every fact that differs from ``before`` (the
    caller commits). Returns them; an unchanged site gets none."""
    now = utcnow()
    after = facts_of(site)
    changes = [SiteChange(site=site, field=name, old_value=before[name],
                          new_value=after[name], changed_by=by, changed_at=now)
               for name in SITE_FACTS if before[name] != after[name]]
    db.session.add_all(changes)
    if changes:
        # In the trail of every company that works with the supplier: they all
        # rely on these facts.
        fields = ", ".join(change.field for change in changes)
        for company_id in db.session.scalars(sa.select(SupplierRelationship.company_id).where(
                SupplierRelationship.supplier_id == site.supplier_id)):
            audit.record("site_facts", company_id=company_id, target=f"site {site.id}",
                         note=fields, user=by)
    return changes
