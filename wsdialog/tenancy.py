"""Tenancy, enforced in one place.

Every query for tenant data starts from :func:`scoped` (or :func:`get_or_404`),
which adds the condition saying which rows the current user may reach. A model
with no rule here cannot be queried through it at all, so a new model must be
given a rule before any view can show it. Objects outside the user's reach are
reported as "not found" (404), never "forbidden", so their existence does not leak.

Each package states the rules of its own models at the end of its ``models.py``,
with :func:`rule` or the two common shapes :func:`company_owned` and :func:`within`:

- the shared core (companies, suppliers, sites, their history and requests to
  link two records of a site, people and their login sessions, invitations):
  below, here;
- ``chooser/models.py``: assessments;
- ``onboarding/models.py``: engagements and their moves, priorities, outreach,
  milestones;
- ``questionnaires/models.py``: questionnaires, versions, questions;
- ``surveys/models.py``: cycles (the brand's own, and the supplier's for its own
  sites), imports, responses, answers and tallies;
- ``results/models.py``: results settings, the supplier's access to results;
- ``grievances/models.py``: grievance channels' figures and effectiveness checks
  (the company's, and its supplier's for the supplier's own sites).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from flask import abort
from flask_login import current_user
from sqlalchemy.sql.elements import ColumnElement

from .extensions import db
from .models import (
    Company,
    ContactPerson,
    Invitation,
    LoginSession,
    Role,
    Site,
    SiteChange,
    SiteLinkRequest,
    Supplier,
    SupplierRelationship,
    User,
)

M = TypeVar("M")
Rule = Callable[[User], ColumnElement[bool]]
_RULES: dict[type, Rule] = {}
#: For the few models that some who reach a row may read but not change (a joint
#: cycle's co-owners): the narrower condition for changing it.
_MANAGE_RULES: dict[type, Rule] = {}


def rule(model: type) -> Callable[[Rule], Rule]:
    """Register the visibility rule for ``model``. The rule gets an active,
    authenticated user and returns a SQL condition on ``model``."""

    def register(fn: Rule) -> Rule:
        _RULES[model] = fn
        return fn

    return register


def manage_rule(model: type) -> Callable[[Rule], Rule]:
    """Register who, among those who reach a row of ``model``, may change it
    (``get_or_404(..., manage=True)``). A model without one: whoever reaches it."""

    def register(fn: Rule) -> Rule:
        _MANAGE_RULES[model] = fn
        return fn

    return register


def visible(model: type, user=None) -> ColumnElement[bool]:
    """The SQL condition for the rows of ``model`` that ``user`` may reach."""
    user = current_user if user is None else user
    if model not in _RULES:
        raise LookupError(f"No tenancy rule for {model.__name__}")
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return sa.false()
    return _RULES[model](user)


def scoped(model: type[M], user=None) -> sa.Select[tuple[M]]:
    """``select(model)`` limited to what ``user`` (default: the current user) may reach."""
    return sa.select(model).where(visible(model, user))


def managed(model: type, user=None) -> ColumnElement[bool]:
    """The SQL condition for the rows of ``model`` that ``user`` may change."""
    user = current_user if user is None else user
    condition = visible(model, user)
    if model in _MANAGE_RULES and getattr(user, "is_authenticated", False):
        condition = sa.and_(condition, _MANAGE_RULES[model](user))
    return condition


def get_or_404(model: type[M], ident, user=None, options=(), manage: bool = False) -> M:
    """The object with primary key ``ident`` if the user may reach it (with
    ``manage``: and change it), else 404. ``options`` are loader options (e.g.
    ``joinedload``) for the same query."""
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        abort(404)
    condition = managed(model, user) if manage else visible(model, user)
    obj = db.session.scalar(sa.select(model).where(condition, model.id == ident)
                            .options(*options))
    if obj is None:
        abort(404)
    return obj


def company_owned(*models: type) -> None:
    """The common rule: rows carrying a ``company_id`` belong to that company's
    staff, and to nobody else."""
    for model in models:
        rule(model)(lambda user, model=model: model.company_id == user.company_id
                    if user.role is Role.brand else sa.false())


def within(model: type, column, parent: type, roles=(Role.brand,)) -> None:
    """Rows reached through ``column`` (a foreign key to ``parent``): users with
    one of ``roles`` reach them where they may reach the parent row."""

    def visible_through_parent(user: User):
        if user.role not in roles:
            return sa.false()
        return column.in_(scoped(parent, user).with_only_columns(parent.id))

    rule(model)(visible_through_parent)


def supplier_ids_of_company(company_id: int) -> sa.Select:
    return sa.select(SupplierRelationship.supplier_id).where(
        SupplierRelationship.company_id == company_id
    )


# --- the rules of the shared core -------------------------------------------


@rule(Company)
def _company(user: User):
    if user.role is Role.coordinator:
        return sa.true()
    if user.role in (Role.brand, Role.reviewer):
        return Company.id == user.company_id
    # A supplier user sees the names of the companies that work with it.
    return Company.id.in_(
        sa.select(SupplierRelationship.company_id).where(
            SupplierRelationship.supplier_id == user.supplier_id
        )
    )


@rule(Supplier)
def _supplier(user: User):
    if user.role is Role.brand:
        return Supplier.id.in_(supplier_ids_of_company(user.company_id))
    if user.role is Role.supplier:
        return Supplier.id == user.supplier_id
    return sa.false()  # coordinators do not see supplier data


@rule(SupplierRelationship)
def _relationship(user: User):
    if user.role is Role.brand:
        return SupplierRelationship.company_id == user.company_id
    return sa.false()  # private to the company, hidden from the supplier too


@rule(ContactPerson)
def _contact(user: User):
    if user.role is Role.brand:
        return ContactPerson.supplier_relationship_id.in_(
            sa.select(SupplierRelationship.id).where(
                SupplierRelationship.company_id == user.company_id
            )
        )
    return sa.false()


@rule(Site)
def _site(user: User):
    if user.role is Role.brand:
        return Site.supplier_id.in_(supplier_ids_of_company(user.company_id))
    if user.role is Role.supplier:
        return Site.supplier_id == user.supplier_id
    return sa.false()


@rule(User)
def _user(user: User):
    if user.role is Role.coordinator:
        return sa.true()
    if user.role is Role.brand:
        return sa.or_(
            User.company_id == user.company_id,
            User.supplier_id.in_(supplier_ids_of_company(user.company_id)),
            User.provider_id.in_(providers_registered_by(user.company_id)),
        )
    if user.role is Role.supplier:
        return User.supplier_id == user.supplier_id
    if user.role is Role.provider:
        return User.provider_id == user.provider_id
    return User.id == user.id  # a reviewer: only themselves


#: The providers' table as the core rules need it (``providers.models`` builds on
#: this module): a company sees the people of the providers it registered.
_provider = sa.table("provider", sa.column("id"), sa.column("company_id"))


def providers_registered_by(company_id: int) -> sa.Select:
    return sa.select(_provider.c.id).where(_provider.c.company_id == company_id)


@rule(Invitation)
def _invitation(user: User):
    if user.role is Role.coordinator:  # members' staff, and the instance's providers'
        return sa.or_(Invitation.role == Role.brand, sa.and_(
            Invitation.role == Role.provider, Invitation.company_id.is_(None)))
    if user.role is Role.brand:
        return Invitation.company_id == user.company_id
    if user.role is not Role.supplier:
        return sa.false()
    # A supplier's people see who is invited to join them, whoever invited them:
    # from their first login on, they decide who logs in for their organisation.
    return sa.and_(Invitation.role == Role.supplier,
                   Invitation.supplier_id == user.supplier_id)


# The history of a site's facts is seen wherever the site is.
within(SiteChange, SiteChange.site_id, Site, roles=(Role.brand, Role.supplier))


@rule(SiteLinkRequest)
def _site_link_request(user: User):
    # The asking company's staff, and the people of the supplier record it asks
    # about (who answer): nobody else, not even the other companies there.
    if user.role is Role.brand:
        return SiteLinkRequest.company_id == user.company_id
    if user.role is Role.supplier:
        return SiteLinkRequest.target_site_id.in_(
            sa.select(Site.id).where(Site.supplier_id == user.supplier_id))
    return sa.false()


@rule(LoginSession)
def _login_session(user: User):
    return LoginSession.user_id == user.id  # one's own, for everyone


def keep_own(model: type[M], values: dict, defaults: dict, **key) -> M | None:
    """Set ``values`` on the current company's own ``model`` row (found by ``key``
    besides the company). While it has none and ``values`` are the defaults, none is
    made: saving a form unchanged changes nothing, and a later change of our
    defaults (a better translation, new weights) still reaches the company."""
    query = scoped(model).filter_by(**key)
    row = db.session.scalar(query)
    if row is None:
        if values == defaults:
            return None
        row = model(company_id=current_user.company_id, **key)
        db.session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    return row


# --- members who share a supplier, by consent --------------------------------------


def _members_at(supplier_id: int) -> list:
    """(company id, visible, contact, name) of every member company working with
    the supplier: read only for the three questions below, each answering with
    what consent allows."""
    return db.session.execute(sa.select(
        SupplierRelationship.company_id, SupplierRelationship.visible_to_members,
        SupplierRelationship.member_contact, Company.name).join(
        Company, Company.id == SupplierRelationship.company_id).where(
        SupplierRelationship.supplier_id == supplier_id).order_by(Company.name)).all()


def fellow_members(company_id: int, supplier_id: int) -> tuple[list[tuple[str, str]], int]:
    """What a member learns of the other members working with a supplier: the
    (name, contact) of each that opted in to be visible there — only when
    ``company_id`` opted in too — and how many others there are. Not scoped:
    the consent of both, per supplier, is the permission; nothing else of another
    company's relationship is read."""
    rows = _members_at(supplier_id)
    others = [row for row in rows if row.company_id != company_id]
    if not any(row.company_id == company_id and row.visible_to_members for row in rows):
        return [], len(others)
    visible = [(row.name, row.member_contact) for row in others if row.visible_to_members]
    return visible, len(others) - len(visible)


def members_visible_to_each_other(company_id: int, supplier_id: int) -> dict[int, str]:
    """The other companies at the supplier that ``company_id`` may name, by id
    with their names: both opted in (see ``fellow_members``)."""
    rows = _members_at(supplier_id)
    if not any(row.company_id == company_id and row.visible_to_members for row in rows):
        return {}
    return {row.company_id: row.name for row in rows
            if row.visible_to_members and row.company_id != company_id}


def openness_at(supplier_id: int) -> dict[int, bool]:
    """For the supplier's own people: which member companies working with it opted
    in to be visible to the others there (it is the supplier's relationship too)."""
    return {row.company_id: row.visible_to_members for row in _members_at(supplier_id)}
