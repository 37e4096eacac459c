"""Writes of onboarding: each one changes, then commits. No Flask: the caller
says who acts and when, and has parsed the form. A move the pipeline refuses
raises ``StateError`` before anything is committed."""

from __future__ import annotations

from datetime import date, datetime

from ..extensions import db
from ..models import Site, Supplier, User
from ..tenancy import keep_own
from .models import (
    Engagement,
    Milestone,
    MilestoneKind,
    MilestoneRevision,
    OutreachMessage,
    OutreachTemplate,
    PriorityWeights,
    SitePriority,
)
from .pipeline import Stage
from .queries import existing_engagement


def _engagement_for(supplier: Supplier, user: User) -> Engagement:
    """The company's engagement with a supplier it works with, created as a
    candidate the first time it is needed."""
    engagement = existing_engagement(supplier, user)
    if engagement is None:
        engagement = Engagement(company_id=user.company_id, supplier=supplier,
                                stage=Stage.candidate, strategies=[])
        db.session.add(engagement)
        db.session.flush()
    return engagement


def move(supplier: Supplier, to: Stage, by: User, *, at: datetime, today: date, reasons=(),
         note: str = "", reask_on: date | None = None) -> Engagement:
    """Brand staff move a supplier along the pipeline (``Engagement.move_to``)."""
    engagement = _engagement_for(supplier, by)
    engagement.move_to(to, by, at=at, today=today, reasons=reasons, note=note,
                       reask_on=reask_on)
    db.session.commit()
    return engagement


def answer(engagement: Engagement, join: bool, by: User, *, at: datetime, today: date,
           reasons=(), note: str = "") -> None:
    """The supplier's own answer to the invitation: it joins, or declines."""
    engagement.move_to(Stage.joined if join else Stage.declined, by, at=at, today=today,
                       reasons=() if join else reasons, note=note)
    db.session.commit()


def approach(supplier: Supplier, by: User, *, at: datetime, today: date, recipient: str,
             locale: str, subject: str, body: str, mailed: bool, note: str) -> OutreachMessage:
    """The outreach message, kept on the supplier's record; the supplier counts as
    approached."""
    engagement = _engagement_for(supplier, by)
    message = OutreachMessage(recipient=recipient, locale=locale, subject=subject, body=body,
                              mailed=mailed, by=by)
    engagement.messages.append(message)
    if engagement.stage is not Stage.approached:
        engagement.approach(by, at=at, today=today, note=note)
    db.session.commit()
    return message


def save_strategies(supplier: Supplier, by: User, strategies: list[str],
                    ambassador_id: int | None) -> None:
    engagement = _engagement_for(supplier, by)
    engagement.strategies, engagement.ambassador_id = strategies, ambassador_id
    db.session.commit()


def add_milestone(by: User, site: Site | None, kind: MilestoneKind, title: str,
                  due_on: date, ends_on: date | None) -> Milestone:
    milestone = Milestone(company_id=by.company_id, site=site, kind=kind, title=title,
                          due_on=due_on, ends_on=ends_on)
    db.session.add(milestone)
    db.session.commit()
    return milestone


def revise_milestone(milestone: Milestone, new_due_on: date, reason: str, note: str,
                     by: User, at: datetime) -> MilestoneRevision:
    """Move a milestone, keeping the old date and the reason; a window keeps its length."""
    revision = milestone.revise(new_due_on, reason, note, by, at)
    db.session.commit()
    return revision


def toggle_milestone(milestone: Milestone) -> None:
    milestone.done = not milestone.done
    db.session.commit()


def save_criteria(site: Site, values: dict, defaults: dict) -> None:
    keep_own(SitePriority, values, defaults, site_id=site.id)
    db.session.commit()


def save_weights(weights: dict[str, int], defaults: dict[str, int]) -> None:
    keep_own(PriorityWeights, {"weights": weights}, {"weights": defaults})
    db.session.commit()


def save_template(locale: str, subject: str, body: str, ours: tuple[str, str]) -> None:
    """The company's own outreach text; ``ours`` is the text it replaces."""
    keep_own(OutreachTemplate, {"subject": subject, "body": body},
             {"subject": ours[0], "body": ours[1]}, locale=locale)
    db.session.commit()
