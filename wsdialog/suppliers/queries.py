"""Reads about suppliers and the company's relationship with them: never commit."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from ..models import Site, Supplier, SupplierRelationship, User
from ..tenancy import scoped


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
