"""Writes about suppliers, the company's relationship with them, contacts and
sites: each commits."""

from __future__ import annotations

from .. import audit
from ..extensions import db
from ..models import ContactPerson, Site, Supplier, SupplierRelationship, User
from .history import record_changes


def _fill(relationship: SupplierRelationship, years: int | None, share_pct: int | None,
          notes: str) -> None:
    relationship.years_of_relationship = years
    relationship.purchase_share_pct = share_pct
    relationship.notes = notes


def add_supplier(company_id: int, name: str, country: str, *, years: int | None,
                 share_pct: int | None, notes: str) -> Supplier:
    """A new supplier and the company's relationship with it."""
    supplier = Supplier(name=name, country=country)
    relationship = SupplierRelationship(company_id=company_id, supplier=supplier)
    _fill(relationship, years, share_pct, notes)
    db.session.add_all([supplier, relationship])
    db.session.commit()
    return supplier


def connect(company_id: int, supplier: Supplier) -> SupplierRelationship:
    """The company starts working with a supplier already on wsdialog."""
    relationship = SupplierRelationship(company_id=company_id, supplier=supplier)
    db.session.add(relationship)
    db.session.commit()
    return relationship


def save_relationship(relationship: SupplierRelationship, *, years: int | None,
                      share_pct: int | None, notes: str,
                      name_and_country: tuple[str, str] | None = None) -> None:
    """The company's facts of its relationship, and the supplier's name and country
    when given (only while no other company works with the supplier)."""
    _fill(relationship, years, share_pct, notes)
    if name_and_country is not None:
        relationship.supplier.name, relationship.supplier.country = name_and_country
    db.session.commit()


def set_member_visibility(relationship: SupplierRelationship, visible: bool,
                          contact: str) -> None:
    """Whether the other members at this supplier may see the company (where they
    chose so too), naming whom they may contact; in the audit trail when it
    changed (saving the same choice again changes nothing)."""
    if (visible, contact.strip() if visible else "") == (
            relationship.visible_to_members, relationship.member_contact):
        return
    if visible:
        relationship.open_to_members(contact)
    else:
        relationship.close_to_members()
    audit.record("member_visibility", company_id=relationship.company_id,
                 target=f"supplier {relationship.supplier_id}", note="on" if visible else "off")
    db.session.commit()


def add_contact(contact: ContactPerson) -> None:
    db.session.add(contact)
    db.session.commit()


def remove_contact(contact: ContactPerson) -> None:
    db.session.delete(contact)
    db.session.commit()


def add_site(site: Site) -> None:
    db.session.add(site)
    db.session.commit()


def save_site_facts(site: Site, before: dict[str, str | None], by: User) -> None:
    """The site's changed facts, each kept in its history (``history.py``)."""
    record_changes(site, before, by)
    db.session.commit()
