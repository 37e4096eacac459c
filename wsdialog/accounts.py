"""Writes on accounts, shared by the coordinator's and the brand admin's pages.
No Flask: the routes say what happened."""

from __future__ import annotations

from . import audit
from .extensions import db
from .models import User
from .text import N_

#: What the page says after ``set_active``: {active: message}.
NOTICES = {True: N_("%(name)s can log in again."),
           False: N_("%(name)s is deactivated and logged out.")}


def set_active(user: User, active: bool) -> None:
    """(De)activate an account; deactivation ends its sessions at once."""
    user.active = active
    if not active:
        user.end_sessions()
    audit.record("reactivated" if active else "deactivated", company_id=user.company_id,
                 target=f"user {user.id}")
    db.session.commit()
