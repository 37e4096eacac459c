"""Reads about suppliers and the company's relationship with them: never commit."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import LinkState, Site, SiteLinkRequest, Supplier, SupplierRelationship, User
from ..tenancy import scoped
from . import linking


def may_keep_sites(supplier: Supplier, user: User) -> bool:
    """The supplier's own people add its sites and keep their facts; a company
    may only while nobody of the supplier can log in."""
    return user.is_supplier or not supplier.has_active_login


def relationship_with(supplier: Supplier) -> SupplierRelationship | None:
    """The current company's relationship with ``supplier`` (it exists when the
    supplier was reached through it)."""
    return db.session.scalar(
        scoped(SupplierRelationship).where(SupplierRelationship.supplier_id == supplier.id))


def is_shared(supplier: Supplier) -> bool:
    """Whether another company also works with this supplier. Deliberately not
    scoped: only this yes/no fact is used (to protect the shared name), never
    which company it is or anything of its relationship."""
    return db.session.scalar(sa.select(sa.func.count()).where(
        SupplierRelationship.supplier_id == supplier.id)) > 1


def supplier_with_code(code: str) -> Supplier | None:
    """The supplier that gave out this code. Deliberately not scoped: the code,
    given by the supplier, is the permission."""
    return db.session.scalar(sa.select(Supplier).where(Supplier.share_code == code))


def os_id_elsewhere(site: Site) -> bool:
    """Whether a site of another supplier record has the same Open Supply Hub ID:
    the same factory entered twice. Deliberately not scoped: only this yes/no fact
    is used, never which record or company it is."""
    if not site.os_id:
        return False
    return bool(db.session.scalar(sa.select(sa.exists().where(
        Site.os_id == site.os_id, Site.supplier_id != site.supplier_id))))


def os_id_twin(site: Site) -> Site | None:
    """The site of another supplier record with the same Open Supply Hub ID that
    the company may ask the supplier to link with ``site``: the earliest entered,
    leaving out those whose supplier declined a request from this site.
    Deliberately not scoped: only for the request, never shown to the asking
    company."""
    if not site.os_id:
        return None
    declined = sa.select(SiteLinkRequest.target_site_id).where(
        SiteLinkRequest.site_id == site.id, SiteLinkRequest.state == LinkState.declined)
    return db.session.scalar(sa.select(Site).where(
        Site.os_id == site.os_id, Site.supplier_id != site.supplier_id,
        Site.id.not_in(declined)).order_by(Site.id).limit(1))


def link_requests(*, open_only: bool = False) -> list[SiteLinkRequest]:
    """The requests the user may reach (the company's own, or those the
    supplier's people answer), newest first; only the open ones if asked."""
    query = scoped(SiteLinkRequest).order_by(SiteLinkRequest.asked_at.desc(),
                                             SiteLinkRequest.id.desc())
    if open_only:
        query = query.where(SiteLinkRequest.state == LinkState.open)
    return list(db.session.scalars(query))


def link_status(site: Site) -> tuple[str | None, SiteLinkRequest | None]:
    """What the company's site page shows about linking (``linking.link_status``)
    and the request it concerns (the latest open, confirmed or declined one)."""
    requests = list(db.session.scalars(scoped(SiteLinkRequest).where(
        SiteLinkRequest.site_id == site.id).order_by(SiteLinkRequest.asked_at.desc(),
                                                      SiteLinkRequest.id.desc())))
    open_, confirmed, declined = (next((r for r in requests if r.state is state), None)
                                  for state in (LinkState.open, LinkState.confirmed,
                                                LinkState.declined))
    status = linking.link_status(open_request=open_ is not None, confirmed=confirmed is not None,
                                 declined=declined is not None,
                                 twin=os_id_twin(site) is not None)
    return status, {linking.WAITING: open_, linking.LINKED: confirmed,
                    linking.DECLINED: declined}.get(status)


def is_referenced(table: sa.Table, ident: int) -> bool:
    """Whether any row points at row ``ident`` of ``table`` through a foreign key
    that would not go with it (``ON DELETE CASCADE``) or be emptied (``SET NULL``).
    Read from the schema, so that a table added later is counted too.
    Deliberately not scoped: a yes/no fact."""
    for other in db.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table is not table or key.ondelete in ("CASCADE", "SET NULL"):
                continue
            if db.session.scalar(sa.select(sa.exists().where(key.parent == ident))):
                return True
    return False
