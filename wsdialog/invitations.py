"""Invitations: create them, turn them into signed links, and redeem them.

A link is ``/invite/<token>``, where the token is the invitation's id and nonce
signed with the app's secret key. The signature proves we issued it; the
``expires_at`` column bounds its life (14 days); ``accepted_at`` makes it single-use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer

from . import audit, mail
from .extensions import db
from .models import Company, Invitation, Role, Supplier, User, utcnow

log = logging.getLogger("wsdialog.invitations")


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="invitation")


def token_for(invitation: Invitation) -> str:
    return _serializer().dumps([invitation.id, invitation.nonce])


def link_for(invitation: Invitation) -> str:
    base = current_app.config.get("BASE_URL")
    path = url_for("auth.accept_invitation", token=token_for(invitation))
    return base.rstrip("/") + path if base else url_for(
        "auth.accept_invitation", token=token_for(invitation), _external=True
    )


def from_token(token: str) -> Invitation | None:
    """The usable invitation a token names, or None (forged, used, revoked, expired)."""
    try:
        ident, nonce = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    invitation = db.session.get(Invitation, ident) if isinstance(ident, int) else None
    if invitation is None or invitation.nonce != nonce:
        return None
    return invitation if invitation.is_usable(utcnow()) else None


def existing_account(email: str) -> User | None:
    """The account with this login name, whoever's it is. Deliberately not
    scoped: e-mail addresses are unique in the whole instance. Only the owner of
    the address is ever told it is taken (on the invitation's page): an inviter
    gets the same answer either way, so no form tells who has an account."""
    return db.session.scalar(db.select(User).where(User.email == email.strip().lower()))


def create(*, email: str, name: str, role: Role, company: Company | None, invited_by: User,
           locale: str, supplier: Supplier | None = None,
           is_admin: bool = False, review_languages: list[str] | None = None,
           affiliation: str = "", provider=None) -> Invitation:
    """Record an invitation; earlier open invitations for the same address and
    organisation are revoked so that only the newest link works. ``company`` is
    None when a supplier's own people invite a colleague."""
    email = email.strip().lower()
    now = utcnow()
    for old in db.session.scalars(db.select(Invitation).where(
        # "== None" becomes "IS NULL" in SQL.
        Invitation.email == email, Invitation.company_id == (company.id if company else None),
        Invitation.supplier_id == (supplier.id if supplier else None),
        Invitation.provider_id == (provider.id if provider else None),
        Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None),
    )):
        old.revoke(now)
    invitation = Invitation(
        email=email, name=name.strip(), role=role, company=company, supplier=supplier,
        provider=provider, invited_by=invited_by, is_admin=is_admin, locale=locale,
        review_languages=review_languages, affiliation=affiliation.strip(), created_at=now,
        expires_at=now + current_app.config["INVITATION_MAX_AGE"],
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record("invitation", company_id=invitation.company_id,
                 target=f"invitation {invitation.id}", note=role.value, user=invited_by)
    return invitation


@dataclass
class Delivery:
    """What happened to an invitation mail: sent, or to be passed on by hand."""

    sent: bool
    subject: str
    body: str
    link: str


def deliver(invitation: Invitation) -> Delivery:
    """Send the invitation mail in the invitee's language, or return it for
    the inviter to copy when no SMTP server is configured."""
    link = link_for(invitation)
    with force_locale(invitation.locale):
        subject = _("Your invitation to wsdialog")
        body = render_template("auth/invitation_mail.txt", invitation=invitation, link=link)
    sent = mail.send(invitation.email, subject, body)
    # Neither the link (it opens an account) nor the address: the inviter sees
    # the link on their page, and may resend the invitation for a fresh one.
    log.info("Invitation %s created (mailed: %s)", invitation.id, sent)
    return Delivery(sent=sent, subject=subject, body=body, link=link)


def accept(invitation: Invitation, name: str, password: str) -> User:
    """Create the account the invitation offers, and use the invitation up."""
    user = User(
        email=invitation.email, name=name.strip(), role=invitation.role,
        is_admin=invitation.is_admin, locale=invitation.locale,
        company_id=invitation.company_id
        if invitation.role in (Role.brand, Role.reviewer) else None,
        supplier_id=invitation.supplier_id if invitation.role is Role.supplier else None,
        provider_id=invitation.provider_id if invitation.role is Role.provider else None,
        review_languages=invitation.review_languages, affiliation=invitation.affiliation,
    )
    user.set_password(password)
    invitation.accepted_at = utcnow()
    db.session.add(user)
    db.session.flush()
    audit.record("invitation_accepted", company_id=invitation.company_id,
                 target=f"invitation {invitation.id}", user=user)
    return user


def revoke(invitation: Invitation) -> None:
    """Make an open invitation's link stop working."""
    invitation.revoke(utcnow())
    db.session.commit()


def renew(old: Invitation, *, by: User) -> tuple[Invitation, Delivery]:
    """A fresh link (another 14 days) sent in ``by``'s name; the old one stops
    working. The supplier's people invite in their own name, also when they renew
    a company's invitation."""
    old.revoke(utcnow())
    invitation = create(
        email=old.email, name=old.name, role=old.role,
        company=None if by.is_supplier else old.company, supplier=old.supplier,
        invited_by=by, locale=old.locale, is_admin=old.is_admin,
        review_languages=old.review_languages, affiliation=old.affiliation)
    delivery = deliver(invitation)
    db.session.commit()
    return invitation, delivery


def send_from_form(form, *, role: Role, company: Company | None, back: str,
                   supplier: Supplier | None = None, is_admin: bool = False):
    """Invite the person a submitted ``InviteForm`` names, on behalf of the
    current user; commit; and show what happened (mailed, or text to pass on)."""
    from .web import render

    invitation = create(email=form.email.data, name=form.name.data, role=role,
                        company=company, supplier=supplier, invited_by=current_user,
                        locale=form.locale.data, is_admin=is_admin)
    delivery = deliver(invitation)
    db.session.commit()
    return render("invitation_sent.html", invitation=invitation, delivery=delivery, back=back)


def render_form(form, *, title: str, cancel: str, intro: str = ""):
    """The invitation form page, shared by every kind of invitation."""
    from .web import render

    return render("invite_form.html", form=form, title=title, cancel=cancel, intro=intro)
