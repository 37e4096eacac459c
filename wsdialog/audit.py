"""The audit trail: an append-only record of what staff did.

Each entry says when, who (an account, or nobody for a failed login with an
unknown address), which company it belongs to, what kind of step it was, and
what it was done to ("cycle 12", "user 7") — never anything a worker said, never
a password, an invitation link or an address typed into the login form. Entries
are only ever added: the ORM refuses to change or delete one.

Brand admins read their company's entries; the coordinator reads the account
events of the whole instance (logins, invitations, (de)activations).
"""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa
from flask import has_request_context
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .models import Company, Role, User, utcnow
from .tenancy import rule
from .text import N_

#: Kind -> what it means, translated where shown.
KINDS: dict[str, str] = {
    "login": N_("Logged in"),
    "login_failed": N_("Failed login"),
    "invitation": N_("Invitation sent"),
    "invitation_accepted": N_("Invitation accepted"),
    "deactivated": N_("Account deactivated"),
    "reactivated": N_("Account reactivated"),
    "import": N_("Results imported"),
    "import_removed": N_("Import removed"),
    "held_kept": N_("Held survey answers kept"),
    "held_discarded": N_("Held survey answers discarded"),
    "released": N_("Results released"),
    "results_shared_with_workers": N_("Results shared with workers"),
    "sharing_reminder": N_("Supplier reminded to share results with workers"),
    "agreement_reminder": N_("Reminded of an agreement past its due date"),
    "export": N_("Figures exported"),
    "results_viewed": N_("Supplier looked at results"),
    "site_facts": N_("Site facts changed"),
    "member_visibility": N_("Visibility to other members changed"),
    "site_link_asked": N_("Supplier asked to confirm a site is the same factory"),
    "site_link_withdrawn": N_("Request to confirm the same factory withdrawn"),
    "site_link_declined": N_("Supplier declined: not the same factory"),
    "site_link_confirmed": N_("Supplier confirmed the same factory: records joined"),
    "sector_response": N_("Sector response written"),
    "respondents_deleted": N_("Respondents deleted after the retention period"),
    "benchmark_joined": N_("Began to contribute to the sector benchmark"),
    "benchmark_left": N_("Stopped contributing to the sector benchmark"),
    "joint_cycle_invited": N_("Member invited to own a joint cycle"),
    "joint_cycle_withdrawn": N_("Invitation to a joint cycle taken back"),
    "joint_cycle_accepted": N_("Joint cycle accepted"),
    "joint_cycle_declined": N_("Joint cycle declined"),
    "joint_cycle_checked": N_("Joint cycle's results checked by a co-owner"),
    "grievance_figures": N_("Grievance figures entered"),
    "grievance_figures_deleted": N_("Grievance figures deleted"),
    "grievance_import": N_("Grievance figures imported"),
    "effectiveness_check": N_("Grievance mechanism's effectiveness checked"),
    "provider_registered": N_("Survey provider registered"),
    "processing_agreement": N_("Data-processing agreement with a provider recorded"),
    "staff_upload_setting": N_("Staff uploads into providers' cycles allowed or stopped"),
    "provider_assigned": N_("Survey provider of a cycle changed"),
    "provider_mapping": N_("Survey provider's file mapping saved"),
    "api_token_created": N_("API token created"),
    "api_token_revoked": N_("API token revoked"),
    "kobo_linked": N_("Cycle linked to a KoboToolbox project"),
    "kobo_token_replaced": N_("KoboToolbox token of a cycle replaced"),
    "kobo_unlinked": N_("Cycle's link to KoboToolbox removed"),
    "kobo_fetched": N_("Submissions fetched from KoboToolbox"),
}
#: What the coordinator sees: events about accounts, not a company's work.
ACCOUNT_KINDS = ("login", "login_failed", "invitation", "invitation_accepted", "deactivated",
                 "reactivated")


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: What the step was done to, e.g. "cycle 12"; never a name or an answer.
    target: Mapped[str] = mapped_column(sa.String(80), default="")
    #: A short fact: "csv", "42 respondents", "headcount, timezone".
    note: Mapped[str] = mapped_column(sa.String(200), default="")

    company: Mapped[Company | None] = relationship()
    user: Mapped[User | None] = relationship()


@sa.event.listens_for(AuditEntry, "before_update")
@sa.event.listens_for(AuditEntry, "before_delete")
def _append_only(_mapper, _connection, _entry):
    raise RuntimeError("audit entries are never changed or deleted")


_COUNT = re.compile(r"^(\d+) respondents(?:, import (\d+))?$")
ROLE_NAMES = {"brand": N_("Company staff"), "supplier": N_("Supplier user"),
              "coordinator": N_("Coordinator")}


def details(entry: AuditEntry) -> str:
    """The entry's note in the reader's language. Notes are stored as plain facts
    ("42 respondents, import 5", a role, field codes); the ones with words are
    said again here through the catalogue."""
    if entry.kind == "login_failed" and entry.user_id is None:
        return gettext("an address without an account")
    if entry.kind == "invitation" and entry.note in ROLE_NAMES:
        return gettext(ROLE_NAMES[entry.note])
    found = _COUNT.match(entry.note)
    if found:
        count = ngettext("%(num)s respondent", "%(num)s respondents", int(found[1]))
        return gettext("%(count)s (import %(id)s)", count=count, id=found[2]) \
            if found[2] else count
    return entry.note


def by_another_company(entry: AuditEntry) -> bool:
    """Whether the step was taken by staff of another company: a change to the
    facts of a supplier's site lands in the trail of every company that works
    with the supplier. Shown as "someone at another company", as the site's
    history does: a company never learns who else works with its supplier."""
    user = entry.user
    return user is not None and user.is_brand and user.company_id != entry.company_id


def record(kind: str, *, company_id: int | None = None, target: str = "", note: str = "",
           user: User | None = None) -> None:
    """Add an entry to the caller's transaction (the caller commits). The actor is
    ``user``, else the logged-in user."""
    if user is None and has_request_context() and current_user.is_authenticated:
        user = current_user
    db.session.add(AuditEntry(kind=kind, company_id=company_id,
                              user_id=user.id if user is not None else None,
                              target=target[:80], note=note[:200]))


def recorded(kind: str, target: str) -> bool:
    """Whether the trail holds an entry of ``kind`` about ``target`` (a reminder
    sent once)."""
    return db.session.scalar(sa.select(AuditEntry.id).where(
        AuditEntry.kind == kind, AuditEntry.target == target[:80]).limit(1)) is not None


def record_daily(kind: str, *, company_id: int | None, target: str) -> bool:
    """``record`` a visit once a day per person and target: a supplier reloading
    its results thirty times is one visit in the trail (and one read, not thirty
    writes). True when an entry was added (the caller commits)."""
    since = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    if db.session.scalar(sa.select(AuditEntry.id).where(
            AuditEntry.kind == kind, AuditEntry.user_id == current_user.id,
            AuditEntry.target == target[:80], AuditEntry.at >= since).limit(1)):
        return False
    record(kind, company_id=company_id, target=target)
    return True


@rule(AuditEntry)
def _audit_entry(user: User):
    if user.role is Role.brand and user.is_admin:
        return AuditEntry.company_id == user.company_id
    if user.role is Role.coordinator:
        return AuditEntry.kind.in_(ACCOUNT_KINDS)
    return sa.false()
