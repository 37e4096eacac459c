"""Login sessions kept on the server (``LoginSession``): started at login, looked
up on every request, ended by logout, by their owner on the account page, by a
password change (the others) and by deactivation (all).

A session ends after ``PERMANENT_SESSION_LIFETIME`` without a request (idle), and
``SESSION_ABSOLUTE_LIFETIME`` after login however busy it is (absolute).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import contains_eager, joinedload

from .. import devices
from ..extensions import db
from ..models import LoginSession, User, utcnow
from ..tenancy import scoped

#: last_seen_at is written at most this often, not on every request.
TOUCH_EVERY = timedelta(minutes=1)


def _limits() -> tuple[timedelta, timedelta]:
    cfg = current_app.config
    return cfg["PERMANENT_SESSION_LIFETIME"], cfg["SESSION_ABSOLUTE_LIFETIME"]


def _alive(now: datetime):
    idle, absolute = _limits()
    return sa.and_(LoginSession.last_seen_at > now - idle,
                   LoginSession.created_at > now - absolute)


def start(user: User, user_agent: str | None) -> LoginSession:
    """A new session for ``user`` (who is then logged in with it). Sessions that
    have run out, anyone's, are cleared on the way."""
    now = utcnow()
    db.session.execute(sa.delete(LoginSession).where(~_alive(now)))
    login = LoginSession(user=user, created_at=now, last_seen_at=now,
                         device=devices.summary(user_agent)[:80])
    db.session.add(login)
    db.session.flush()
    user.login_session = login
    return login


def user_for(key: str) -> User | None:
    """The active user whose live session has this key, or None."""
    if not isinstance(key, str):
        return None
    # One query for the session, its user and the user's organisation (every page
    # names it in the header).
    login = db.session.scalar(
        sa.select(LoginSession).join(LoginSession.user)
        .options(contains_eager(LoginSession.user).options(
            joinedload(User.company), joinedload(User.supplier)))
        .where(LoginSession.key == key, User.active.is_(True), _alive(utcnow())))
    if login is None:
        return None
    login.user.login_session = login
    return login.user


def touch(login: LoginSession) -> None:
    """Note that the session is in use (at most once a minute), and commit."""
    now = utcnow()
    if now - login.last_seen_at >= TOUCH_EVERY:
        login.last_seen_at = now
        db.session.commit()


def of(user: User) -> list[LoginSession]:
    """The user's live sessions, the most recently used first."""
    return list(db.session.scalars(
        scoped(LoginSession, user).where(_alive(utcnow()))
        .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())))
