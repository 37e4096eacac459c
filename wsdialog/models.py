"""The shared core of the data model: member companies, suppliers, their sites,
accounts and invitations. Capabilities add their own models in their packages.

Tenancy: a ``Company`` is a tenant. A ``Supplier`` is not owned by anyone; each
company reaches it only through its own ``SupplierRelationship``, which holds what
that company knows and thinks of the supplier. Two companies may share a supplier
without seeing each other's relationship. Every query for tenant data goes through
``wsdialog.tenancy``.
"""

from __future__ import annotations

import enum
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db
from .text import N_


class StateError(Exception):
    """A model refuses a state change its current state does not allow (a closed
    survey extended, a published questionnaire changed, a used invitation
    revoked…), and nothing changes. The argument is a short code that says why,
    for the route to turn into the user's message."""


def utcnow() -> datetime:
    """Naive UTC, the one way times are stored (SQLite keeps no zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Role(enum.Enum):
    coordinator = "coordinator"  #: hosts the instance for an MSI
    brand = "brand"  #: staff of a member company
    supplier = "supplier"  #: staff of a supplier organisation
    #: someone outside a member company (a worker representative, the survey
    #: provider, a translator) who reviews its survey texts in given languages
    reviewer = "reviewer"
    #: staff of a survey provider (a vendor, a union, an NGO) running surveys for
    #: member companies: it sees the cycles assigned to it, and uploads their files
    provider = "provider"


class Presence(enum.Enum):
    """Whether something (a trade union, a worker committee) exists at a site."""

    yes = "yes"
    no = "no"
    unknown = "unknown"

    @property
    def label(self) -> str:
        """The answer as a page shows it (translate with ``_()``)."""
        return {"yes": N_("Yes"), "no": N_("No")}.get(self.value, N_("Not known"))


def enum_type(kind: type[enum.Enum], name: str | None = None) -> sa.Enum:
    # Stored as the value, checked by a named constraint on every database
    # (the name must be unique per table, hence one per column).
    return sa.Enum(kind, name=name or kind.__name__.lower(), native_enum=False,
                   create_constraint=True, validate_strings=True,
                   values_callable=lambda k: [m.value for m in k])


class Company(db.Model):
    """A member company (a brand) — the tenant."""

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Name as the company wants to be addressed, unique in the instance.
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    users: Mapped[list[User]] = relationship(back_populates="company")
    supplier_relationships: Mapped[list[SupplierRelationship]] = relationship(
        back_populates="company"
    )


def new_share_code() -> str:
    """Ten characters, easy to read aloud or type: no 0/O or 1/I/L."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Supplier(db.Model):
    """A supplier organisation; may supply several member companies."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    #: ISO 3166-1 alpha-2 code of the country where it is based.
    country: Mapped[str] = mapped_column(sa.String(2))
    #: Given by the supplier to another company it supplies, so that company can
    #: connect to the same supplier record (and its sites) instead of a copy.
    share_code: Mapped[str] = mapped_column(sa.String(10), unique=True,
                                            default=new_share_code)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sites: Mapped[list[Site]] = relationship(
        back_populates="supplier", order_by="Site.name"
    )
    users: Mapped[list[User]] = relationship(back_populates="supplier")
    relationships: Mapped[list[SupplierRelationship]] = relationship(
        back_populates="supplier"
    )

    @property
    def has_active_login(self) -> bool:
        """Whether someone of the supplier itself can log in. From then on its own
        people invite their colleagues and keep its sites' facts; until then, any
        company that works with it may."""
        return any(user.active and user.role is Role.supplier for user in self.users)


class SupplierRelationship(db.Model):
    """What one member company keeps about one supplier. Never shown to other
    companies, nor to the supplier itself."""

    __tablename__ = "supplier_relationship"
    __table_args__ = (
        sa.UniqueConstraint("company_id", "supplier_id"),
        sa.CheckConstraint("years_of_relationship >= 0 AND years_of_relationship <= 200",
                           name="years_range"),
        sa.CheckConstraint("purchase_share_pct >= 0 AND purchase_share_pct <= 100",
                           name="share_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    #: Whole years the company has bought from this supplier.
    years_of_relationship: Mapped[int | None]
    #: The company's share of the supplier's production volume, in percent.
    purchase_share_pct: Mapped[int | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    #: The company agrees that the other members working with this supplier see
    #: its name and ``member_contact`` — where they agree too (then each sees the
    #: other). Off by default: otherwise they are "someone at another company".
    visible_to_members: Mapped[bool] = mapped_column(default=False)
    #: Whom the other members may contact about this supplier (name, e-mail…).
    member_contact: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company] = relationship(back_populates="supplier_relationships")
    supplier: Mapped[Supplier] = relationship(back_populates="relationships")
    contacts: Mapped[list[ContactPerson]] = relationship(
        back_populates="supplier_relationship", order_by="ContactPerson.name",
        cascade="all, delete-orphan",
    )

    def open_to_members(self, contact: str) -> None:
        """Be visible to the other members at this supplier that are visible too,
        naming whom they may contact (``ValueError`` without one)."""
        if not contact.strip():
            raise ValueError("a contact person is needed")
        self.visible_to_members, self.member_contact = True, contact.strip()

    def close_to_members(self) -> None:
        self.visible_to_members, self.member_contact = False, ""


class ContactPerson(db.Model):
    """A person at the supplier whom the company deals with (not a worker)."""

    __tablename__ = "contact_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_relationship_id: Mapped[int] = mapped_column(
        sa.ForeignKey("supplier_relationship.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    #: Job title or function, e.g. "Compliance manager".
    position: Mapped[str] = mapped_column(sa.String(120), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")

    supplier_relationship: Mapped[SupplierRelationship] = relationship(
        back_populates="contacts"
    )


class Site(db.Model):
    """A production site (factory) of a supplier."""

    __table_args__ = (
        sa.CheckConstraint("headcount >= 0", name="headcount_positive"),
        *(
            sa.CheckConstraint(f"{col} >= 0 AND {col} <= 100", name=f"{col}_range")
            for col in ("share_women_pct", "share_migrant_pct", "share_temporary_pct")
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    #: ISO 3166-1 alpha-2 code; names come from CLDR (Babel) in the user's language.
    country: Mapped[str] = mapped_column(sa.String(2))
    #: Province, state or city, as free text.
    region: Mapped[str] = mapped_column(sa.String(120), default="")
    #: The Open Supply Hub ID of the production location (e.g. CN2019303BQ3FZP):
    #: two members who entered the same factory separately find each other by it.
    os_id: Mapped[str | None] = mapped_column(sa.String(15), index=True)
    #: IANA time zone, e.g. "Asia/Ho_Chi_Minh"; used to schedule dialogues.
    timezone: Mapped[str] = mapped_column(sa.String(64), default="")
    #: Number of workers; the denominator of survey response rates.
    headcount: Mapped[int | None]
    share_women_pct: Mapped[int | None]
    share_migrant_pct: Mapped[int | None]
    #: Temporary and agency workers together.
    share_temporary_pct: Mapped[int | None]
    trade_union: Mapped[Presence] = mapped_column(
        enum_type(Presence, "trade_union"), default=Presence.unknown)
    worker_committee: Mapped[Presence] = mapped_column(
        enum_type(Presence, "worker_committee"), default=Presence.unknown)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    supplier: Mapped[Supplier] = relationship(back_populates="sites")

    @property
    def missing_facts(self) -> list[str]:
        """Names of the facts still unknown, in the order a form asks them."""
        missing = []
        if self.headcount is None:
            missing.append("headcount")
        if not self.timezone:
            missing.append("timezone")
        if None in (self.share_women_pct, self.share_migrant_pct, self.share_temporary_pct):
            missing.append("workforce")
        if Presence.unknown in (self.trade_union, self.worker_committee):
            missing.append("representation")
        return missing

    @classmethod
    def lacks_facts(cls) -> sa.ColumnElement[bool]:
        """SQL: the sites whose ``missing_facts`` is not empty (same rules)."""
        return sa.or_(cls.headcount.is_(None), sa.func.coalesce(cls.timezone, "") == "",
                      cls.share_women_pct.is_(None), cls.share_migrant_pct.is_(None),
                      cls.share_temporary_pct.is_(None), cls.trade_union == Presence.unknown,
                      cls.worker_committee == Presence.unknown)


#: The facts of a site that its page shows and its form edits, in the form's order;
#: every change to one of them is kept as a ``SiteChange``.
SITE_FACTS = ("name", "country", "region", "os_id", "timezone", "headcount", "share_women_pct",
              "share_migrant_pct", "share_temporary_pct", "trade_union", "worker_committee")


#: The ``SiteChange.field`` that notes a link: another company's record of the
#: same factory was joined to this site, as its supplier confirmed.
LINKED = "linked"


class SiteChange(db.Model):
    """One change to one fact of a site: who changed it, when, from what to what.
    Every company that works with the supplier, and the supplier's own people,
    see the same history, because they rely on the same facts."""

    __tablename__ = "site_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(
        sa.ForeignKey("site.id", ondelete="CASCADE"), index=True)
    #: Which fact, one of ``SITE_FACTS``; or ``LINKED`` (no values) for a link.
    field: Mapped[str] = mapped_column(sa.String(40))
    #: The value before and after, as text (an enum by its value); None: not known.
    old_value: Mapped[str | None] = mapped_column(sa.Text)
    new_value: Mapped[str | None] = mapped_column(sa.Text)
    changed_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)

    site: Mapped[Site] = relationship()
    changed_by: Mapped[User] = relationship()

    @property
    def is_link(self) -> bool:
        """Notes a link of another record of the factory, not a changed fact."""
        return self.field == LINKED


class LinkState(enum.Enum):
    """Where a request to link two records of one factory stands."""

    open = "open"  #: waiting for the supplier's confirmation
    confirmed = "confirmed"
    declined = "declined"
    withdrawn = "withdrawn"  #: by the asking company, while open

    @property
    def is_open(self) -> bool:
        return self is LinkState.open

    @property
    def is_confirmed(self) -> bool:
        return self is LinkState.confirmed

    @property
    def is_declined(self) -> bool:
        return self is LinkState.declined


class SiteLinkRequest(db.Model):
    """A member company asks the supplier to confirm that its site and a site of
    another supplier record (same Open Supply Hub ID) are the same factory. The
    asking company learns nothing of the other record until the supplier's
    people (of the other record) confirm; then the company works on that record
    and its data about its own site moves there (``suppliers.operations``)."""

    __tablename__ = "site_link_request"
    __table_args__ = (
        sa.CheckConstraint("site_id IS NULL OR site_id != target_site_id", name="two_sites"),
        # Answered (or withdrawn) exactly when no longer open.
        sa.CheckConstraint("(state = 'open') = (answered_at IS NULL)", name="answered_when_closed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The asking company.
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    #: The asking company's site; None once a confirmed link removed it (its data
    #: then lives at the target).
    site_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("site.id", ondelete="SET NULL"), index=True)
    #: The site of the other supplier record: its supplier's people answer.
    target_site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    state: Mapped[LinkState] = mapped_column(enum_type(LinkState, "link_state"),
                                             default=LinkState.open)
    asked_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Who confirmed or declined (a supplier user), or withdrew (brand staff), and when.
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    answered_at: Mapped[datetime | None]

    company: Mapped[Company] = relationship()
    site: Mapped[Site | None] = relationship(foreign_keys=[site_id])
    target_site: Mapped[Site] = relationship(foreign_keys=[target_site_id])
    asked_by: Mapped[User] = relationship(foreign_keys=[asked_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])

    def _close(self, state: LinkState, by: User, at: datetime) -> None:
        if not self.state.is_open:
            raise StateError("not_open")
        self.state, self.answered_by, self.answered_at = state, by, at

    def confirm(self, by: User, at: datetime) -> None:
        """The supplier confirms: the same factory. Only an open request whose
        site is still there."""
        if self.state.is_open and self.site is None:
            raise StateError("site_gone")
        self._close(LinkState.confirmed, by, at)

    def decline(self, by: User, at: datetime) -> None:
        """The supplier says no; the asking company hears only that."""
        self._close(LinkState.declined, by, at)

    def withdraw(self, by: User, at: datetime) -> None:
        """The asking company takes its request back while it is open."""
        self._close(LinkState.withdrawn, by, at)


class User(UserMixin, db.Model):
    """An account. Workers never have one."""

    __table_args__ = (
        # The database refuses an account that belongs to the wrong kind of organisation.
        sa.CheckConstraint(
            "(role = 'coordinator' AND company_id IS NULL AND supplier_id IS NULL)"
            " OR (role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'supplier' AND supplier_id IS NOT NULL AND company_id IS NULL)"
            " OR (role = 'reviewer' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'provider' AND provider_id IS NOT NULL AND company_id IS NULL"
            " AND supplier_id IS NULL)",
            name="role_matches_organisation",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Lower-cased; the login name.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str | None] = mapped_column(sa.String(256))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    #: Brand staff only: may manage colleagues.
    is_admin: Mapped[bool] = mapped_column(default=False)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    #: Survey providers' staff: their organisation (``providers.models.Provider``).
    provider_id: Mapped[int | None] = mapped_column(sa.ForeignKey("provider.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    #: Chosen UI language; None follows the browser.
    locale: Mapped[str | None] = mapped_column(sa.String(16))
    #: The zone the user lives in (an IANA name); meeting times are shown in it.
    #: None: each meeting's own zone.
    timezone: Mapped[str | None] = mapped_column(sa.String(64))
    #: Reviewers only: the survey languages they review for their company, and
    #: who they are ("Worker committee, Thu Duc", "Translator").
    review_languages: Mapped[list | None] = mapped_column(sa.JSON)
    affiliation: Mapped[str] = mapped_column(sa.String(120), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    company: Mapped[Company | None] = relationship(back_populates="users")
    supplier: Mapped[Supplier | None] = relationship(back_populates="users")
    # A capability's model (``providers.models``): SQLAlchemy resolves the name.
    provider: Mapped[Provider | None] = relationship()  # noqa: F821

    def set_password(self, password: str) -> None:
        # Werkzeug's default is scrypt, a memory-hard KDF.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    #: The ``LoginSession`` this object was loaded or logged in with (see
    #: ``auth.sessions``). Not a column, so deliberately not annotated.
    login_session = None

    def end_sessions(self, keep: LoginSession | None = None) -> None:
        """End every session of this account but ``keep``: each cookie stops working."""
        stmt = sa.delete(LoginSession).where(LoginSession.user_id == self.id)
        if keep is not None:
            stmt = stmt.where(LoginSession.id != keep.id)
        db.session.execute(stmt)

    def get_id(self) -> str | None:  # Flask-Login keeps this in the session cookie
        return self.login_session.key if self.login_session is not None else None

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def is_coordinator(self) -> bool:
        return self.role is Role.coordinator

    @property
    def role_label(self) -> str:
        """What the person is, as a page shows it (translate with ``_()``)."""
        if self.is_coordinator:
            return N_("Coordinator")
        if self.is_brand:
            return N_("Company admin") if self.is_admin else N_("Company staff")
        if self.is_reviewer:
            return N_("Reviewer of survey texts")
        if self.is_provider:
            return N_("Survey provider")
        return N_("Supplier user")

    @property
    def is_brand(self) -> bool:
        return self.role is Role.brand

    @property
    def is_supplier(self) -> bool:
        return self.role is Role.supplier

    @property
    def is_reviewer(self) -> bool:
        return self.role is Role.reviewer

    @property
    def is_provider(self) -> bool:
        return self.role is Role.provider

    @property
    def is_brand_admin(self) -> bool:
        return self.role is Role.brand and self.is_admin

    @property
    def is_last_admin(self) -> bool:
        """The only active admin of a member company: without them nobody there
        can invite colleagues or change the company's settings."""
        if not (self.is_admin and self.active and self.company_id):
            return False
        return not db.session.scalar(sa.select(sa.exists().where(
            User.company_id == self.company_id, User.is_admin, User.active,
            User.id != self.id)))

    @property
    def organisation_name(self) -> str:
        if self.company is not None:
            return self.company.name
        if self.supplier is not None:
            return self.supplier.name
        if self.provider is not None:
            return self.provider.name
        return ""


class LoginSession(db.Model):
    """One browser in which an account is logged in. The session cookie carries
    its ``key``, which every request looks up: deleting the row ends the session,
    wherever the cookie is. Its owner sees their sessions and may end them."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"),
                                         index=True)
    #: Random, and secret: whoever holds it is logged in.
    key: Mapped[str] = mapped_column(sa.String(64), unique=True,
                                     default=lambda: secrets.token_urlsafe(32))
    #: Bounds the session's whole life, however active it is.
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Bounds its idle time; updated at most once a minute.
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Like "Firefox on Windows": enough to recognise one's devices. No IP address.
    device: Mapped[str] = mapped_column(sa.String(80), default="")

    user: Mapped[User] = relationship()


class Invitation(db.Model):
    """A single-use, expiring invitation to create an account.

    The link carries a signed token naming the invitation and its nonce; using
    it sets ``accepted_at``, after which the same link is refused.
    """

    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'brand' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'supplier' AND supplier_id IS NOT NULL)"
            " OR (role = 'reviewer' AND company_id IS NOT NULL AND supplier_id IS NULL)"
            " OR (role = 'provider' AND provider_id IS NOT NULL AND supplier_id IS NULL)",
            name="role_matches_organisation",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    role: Mapped[Role] = mapped_column(enum_type(Role))
    is_admin: Mapped[bool] = mapped_column(default=False)
    #: The inviting company; for supplier users the brand that invited them, or
    #: None when a colleague at the supplier did.
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    supplier_id: Mapped[int | None] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    #: For a survey provider's staff: the provider (the inviting company, if any,
    #: registered it; the coordinator's invitations have none).
    provider_id: Mapped[int | None] = mapped_column(sa.ForeignKey("provider.id"), index=True)
    invited_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    #: Language of the invitation mail and, at first, of the new account.
    locale: Mapped[str] = mapped_column(sa.String(16), default="en")
    #: For a reviewer: the languages and who they are (see ``User``).
    review_languages: Mapped[list | None] = mapped_column(sa.JSON)
    affiliation: Mapped[str] = mapped_column(sa.String(120), default="")
    nonce: Mapped[str] = mapped_column(
        sa.String(43), default=lambda: secrets.token_urlsafe(32)
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    company: Mapped[Company | None] = relationship()
    supplier: Mapped[Supplier | None] = relationship()
    # A capability's model (``providers.models``): SQLAlchemy resolves the name.
    provider: Mapped[Provider | None] = relationship()  # noqa: F821
    invited_by: Mapped[User] = relationship()

    @property
    def for_supplier(self) -> bool:
        """For a person at a supplier (else a colleague at a company)."""
        return self.role is Role.supplier

    @property
    def for_reviewer(self) -> bool:
        """For someone outside the company who reviews its survey texts."""
        return self.role is Role.reviewer

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None

    def revoke(self, at: datetime) -> None:
        """Make the link stop working; only an open invitation can be revoked."""
        if not self.is_open:
            raise StateError("not_open")
        self.revoked_at = at

    def is_usable(self, now: datetime) -> bool:
        return self.is_open and now < self.expires_at
