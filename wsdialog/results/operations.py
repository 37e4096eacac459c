"""What the results pages write: read receipts, the release, the supplier's
review, the company's settings, the record of an export, sharing with workers
and its reminder mail. Each commits."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from .. import audit, mail
from ..clock import today
from ..extensions import db
from ..models import Role, User, utcnow
from ..surveys.models import SurveyCycle
from ..surveys.operations import forget_keys, unorder
from ..tenancy import keep_own
from .anonymity import MIN_GROUP
from .models import (
    DEFAULT_PRIORITY_PCT,
    DEFAULT_SHARING_REMINDER_DAYS,
    ProviderDoubt,
    ResultsAccess,
    ResultsSettings,
    SharingWay,
    WorkerSharing,
)
from .queries import sharing_overdue_everywhere


def record_figures_shown(cycles: Iterable[SurveyCycle | None]) -> None:
    """A read receipt: answer figures of these cycles are being shown to a person.
    The first time, their respondents become final (no import or removal could
    then be compared with what was seen), and their rows lose the order in which
    the survey's answers came (``unorder``). Called by the routes that show
    figures, never by a read: committed at once, as the page is a GET."""
    fresh = {c.id: c for c in cycles if c is not None and c.figures_shown_on is None}
    if fresh:
        # Only the cycles this request marks (two first looks at once: one rewrite).
        marked = db.session.scalars(sa.update(SurveyCycle).where(
            SurveyCycle.id.in_(list(fresh)), SurveyCycle.figures_shown_on.is_(None))
            .values(figures_shown_on=today()).returning(SurveyCycle.id)).all()
        for cycle_id in marked:
            if not fresh[cycle_id].is_released:  # a release already made them final
                unorder(fresh[cycle_id])
        db.session.commit()


def record_supplier_opened(cycle: SurveyCycle, access: ResultsAccess | None,
                           user) -> ResultsAccess:
    """A read receipt: a supplier user looks at the cycle's results (``access``:
    what is known so far). The first look is kept (the brand need not ask before
    the dialogue), and a visit a day in the audit trail. The access, new or not."""
    changed = access is None
    if changed:
        access = ResultsAccess(cycle_id=cycle.id, supplier_id=user.supplier_id)
        db.session.add(access)
    if audit.record_daily("results_viewed", company_id=cycle.company_id,
                          target=f"cycle {cycle.id}") or changed:
        db.session.commit()
    return access


def release(cycle: SurveyCycle, by) -> None:
    """Release a closed cycle's results to its supplier (``SurveyCycle.release``
    refuses a wrong state with ``StateError``): no more duplicates to catch. Its
    respondents become final: if no figures were shown yet, their rows lose the
    order in which the survey's answers came (``unorder``)."""
    was_final = cycle.respondents_final
    cycle.release(by, today())
    if not was_final:
        db.session.flush()  # the cycle's row written: locked against other writers
        unorder(cycle)
    forget_keys(cycle)
    audit.record("released", company_id=cycle.company_id, target=f"cycle {cycle.id}")
    db.session.commit()


def mark_reviewed(access: ResultsAccess) -> None:
    """The supplier says it has reviewed the results (the first time counts)."""
    access.reviewed_at = access.reviewed_at or utcnow()
    db.session.commit()


def save_settings(priority_pct: int | None, min_group: int | None,
                  sharing_reminder_days: int | None = None) -> None:
    """The current company's priority threshold, smallest group shown and days
    before suppliers are reminded to share results; an empty field is the default."""
    keep_own(ResultsSettings, {
        "priority_pct": priority_pct or DEFAULT_PRIORITY_PCT,
        "min_group": min_group or MIN_GROUP,
        "sharing_reminder_days": sharing_reminder_days or DEFAULT_SHARING_REMINDER_DAYS},
        {"priority_pct": DEFAULT_PRIORITY_PCT, "min_group": MIN_GROUP,
         "sharing_reminder_days": DEFAULT_SHARING_REMINDER_DAYS})
    db.session.commit()


def record_sharing(cycle: SurveyCycle, way: str, shared_on, workers_reached: int | None,
                   by) -> WorkerSharing:
    """Record that the cycle's results were shared with its workers
    (``WorkerSharing.record`` refuses a cycle not released, or a day outside
    the release to today)."""
    sharing = WorkerSharing.record(cycle, SharingWay(way), shared_on, workers_reached, by,
                                   today())
    db.session.add(sharing)
    audit.record("results_shared_with_workers", company_id=cycle.company_id,
                 target=f"cycle {cycle.id}", note=way)
    db.session.commit()
    return sharing


def record_export(name: str, kind: str, company_id: int) -> None:
    """An export downloaded, in the audit trail."""
    audit.record("export", company_id=company_id, target=name, note=kind)
    db.session.commit()


def send_sharing_reminders(day) -> int:
    """Mail the people of each supplier whose released results nobody recorded
    sharing with workers (``queries.sharing_overdue_everywhere``), once per cycle,
    each in their language; the audit trail keeps that it was sent. The number of
    mails sent."""
    sent = 0
    for cycle in sharing_overdue_everywhere(day):
        target = f"cycle {cycle.id}"
        if audit.recorded("sharing_reminder", target):
            continue  # reminded once: the home page keeps reminding
        people = db.session.scalars(sa.select(User).where(
            User.role == Role.supplier, User.supplier_id == cycle.site.supplier_id,
            User.active.is_(True))).all()
        mailed = 0
        for person in people:
            with force_locale(person.locale or "en"):
                link = url_for("results.shared_with_workers", cycle_id=cycle.id,
                               _external=True)
                subject = _("Please tell your workers about the survey results")
                body = render_template("results/sharing_reminder_mail.txt", person=person,
                                       cycle=cycle, link=link)
            mailed += mail.send(person.email, subject, body)
        if mailed:
            audit.record("sharing_reminder", company_id=cycle.company_id, target=target,
                         note=str(mailed))
            db.session.commit()
        sent += mailed
    return sent


# --- doubts addressed to the provider ------------------------------------------------


def ask_provider(cycle: SurveyCycle, question_code: str | None, text: str, by: User) -> None:
    """``ProviderDoubt.ask``, saved; the provider's people are told by mail, each
    in their language (when mail is set up)."""
    doubt = ProviderDoubt.ask(cycle, question_code, text, by)
    db.session.add(doubt)
    db.session.commit()
    link = url_for("results.provider_doubts", cycle_id=cycle.id, _external=True)
    for person in db.session.scalars(sa.select(User).where(
            User.provider_id == cycle.provider_id, User.active.is_(True))):
        with force_locale(person.locale or "en"):
            mail.send(person.email, _("A question about the data of a survey you ran"),
                      _("%(supplier)s has a doubt about the survey at %(site)s:\n\n%(text)s"
                        "\n\nAnswer it here: %(link)s", supplier=cycle.site.supplier.name,
                        site=cycle.site.name, text=text, link=link))


def answer_doubt(doubt: ProviderDoubt, text: str, by: User) -> None:
    doubt.answer_with(text, by, utcnow())
    db.session.commit()
