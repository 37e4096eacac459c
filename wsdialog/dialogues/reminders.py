"""The daily reminder of agreements past their due date (``flask reminders``):
a mail to whoever carries each one out, once, in their language."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import audit, mail
from ..extensions import db
from ..models import Role, User
from .models import Action
from .queries import overdue_everywhere


def send_overdue_reminders(day: date) -> int:
    """Mail whoever carries out each agreement past its due date
    (``queries.overdue_everywhere``), once per agreement, each in their language;
    the audit trail keeps that it was sent. The number of mails sent."""
    sent = 0
    for action in overdue_everywhere(day):
        target = f"agreement {action.id}"
        if audit.recorded("agreement_reminder", target):
            continue  # reminded once: the home pages keep listing it
        mailed = 0
        for person in _carried_out_by(action):
            with force_locale(person.locale or "en"):
                link = url_for("dialogues.action_detail", action_id=action.id, _external=True)
                subject = _("An agreement is past its due date")
                body = render_template("dialogues/overdue_reminder_mail.txt", person=person,
                                       action=action, link=link)
            mailed += mail.send(person.email, subject, body)
        if mailed:
            audit.record("agreement_reminder", company_id=action.dialogue.company_id,
                         target=target, note=str(mailed))
            db.session.commit()
        sent += mailed
    return sent


def _carried_out_by(action: Action) -> list[User]:
    """The people to remind of an agreement: the supplier's (for the supplier or
    its factory), or the acting brand's admins."""
    if action.owner == "brand":
        return list(db.session.scalars(sa.select(User).where(
            User.role == Role.brand, User.is_admin.is_(True), User.active.is_(True),
            User.company_id == (action.company_id or action.dialogue.company_id))))
    return list(db.session.scalars(sa.select(User).where(
        User.role == Role.supplier, User.active.is_(True),
        User.supplier_id == action.dialogue.cycle.site.supplier_id)))
