"""Writes of logging in and out and of one's own account: each commits and,
where the trail needs it, audits."""

from __future__ import annotations

from .. import audit, invitations
from ..extensions import db
from ..models import Invitation, LoginSession, User, utcnow
from . import sessions


def _start(user: User, user_agent: str | None) -> None:
    """A new login session for ``user``, now."""
    user.last_login_at = utcnow()
    sessions.start(user, user_agent)


def log_in(user: User, user_agent: str | None) -> None:
    """A new login session for ``user``, recorded in the company's trail."""
    _start(user, user_agent)
    audit.record("login", company_id=user.company_id, target=f"user {user.id}", user=user)
    db.session.commit()


def note_failed_login(user: User | None) -> None:
    """A failed attempt, recorded without the address typed (it may be anything,
    even a password)."""
    known = user is not None
    audit.record("login_failed", company_id=user.company_id if known else None,
                 target=f"user {user.id}" if known else "", user=user if known else None,
                 note="" if known else "unknown address")
    db.session.commit()


def accept_invitation(invitation: Invitation, name: str, password: str,
                      user_agent: str | None) -> User:
    """The invitee's account, logged in at once."""
    user = invitations.accept(invitation, name, password)
    _start(user, user_agent)
    db.session.commit()
    return user


def end_session(login: LoginSession) -> None:
    db.session.delete(login)
    db.session.commit()


def save_account(user: User, name: str, locale: str, timezone: str | None) -> None:
    user.name, user.locale, user.timezone = name, locale, timezone
    db.session.commit()


def save_locale(user: User, locale: str) -> None:
    """The language the user chose in the switcher, for the next login too."""
    user.locale = locale
    db.session.commit()


def change_password(user: User, password: str) -> None:
    """The new password; the user's other sessions end."""
    user.set_password(password)
    user.end_sessions(keep=user.login_session)
    db.session.commit()


def end_other_sessions(user: User) -> None:
    user.end_sessions(keep=user.login_session)
    db.session.commit()
