"""Writes of the dialogue log: each one changes, then commits. No Flask: the
caller says who acts and when, and has parsed the form. A state change the
dialogue refuses raises ``StateError`` before anything is written."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..extensions import db
from ..models import User
from ..onboarding.models import Milestone, MilestoneKind
from ..surveys.models import SurveyCycle
from ..tenancy import keep_own
from . import scheduling
from .evidence import Checked
from .models import (
    PREPARATION,
    Action,
    ActionStatus,
    ActionUpdate,
    AttentionPoint,
    DataDoubt,
    Dialogue,
    DialogueSettings,
    DialogueStatus,
    EvidenceFile,
    Participant,
    Preparation,
    PrivateNotes,
)


def plan(cycle: SurveyCycle, by: User, *, starts: datetime, minutes: int, timezone: str,
         language: str, place: str, script: str, milestone_title: str) -> Dialogue:
    """A planned dialogue, on the timeline, with its organiser as the first participant
    (in the organiser's own zone when the account has one). Refused (``StateError``)
    on a day before the results were released."""
    Dialogue.check_time(cycle, starts, timezone)
    dialogue = Dialogue(company_id=by.company_id, cycle=cycle, status=DialogueStatus.planned,
                        starts_at=starts,
                        minutes=minutes, timezone=timezone, language=language, place=place,
                        created_by_id=by.id)
    db.session.add(Preparation(dialogue=dialogue, company_id=by.company_id, script=script))
    dialogue.milestone = Milestone(
        company_id=by.company_id, site_id=cycle.site_id, kind=MilestoneKind.dialogue,
        due_on=scheduling.from_utc(starts, timezone).date(), title=milestone_title[:160])
    dialogue.add_participant(Participant(
        name=by.name, organisation="brand", company_id=by.company_id, decides=True,
        language=by.locale or "en",
        timezone=by.timezone or timezone, country=None, email=by.email))
    db.session.add(dialogue)
    db.session.commit()
    return dialogue


def add_participant(dialogue: Dialogue, participant: Participant) -> None:
    dialogue.add_participant(participant)
    db.session.commit()


def remove_participant(participant: Participant) -> None:
    participant.dialogue.remove_participant(participant)
    db.session.commit()


def add_points(dialogue: Dialogue, points: Iterable[AttentionPoint]) -> None:
    for point in points:
        dialogue.add_point(point)
    db.session.commit()


def edit_point(point: AttentionPoint, text: str) -> None:
    point.text = text
    db.session.commit()


def remove_point(point: AttentionPoint, by: User) -> None:
    point.dialogue.remove_point(point, by_supplier=by.is_supplier)
    db.session.commit()


def save_preparation(dialogue: Dialogue, company_id: int, values: dict,
                     look_beforehand: str, shared: bool) -> None:
    """The company's own preparation (``PREPARATION``'s fields), whether it shares
    it with the other owners, and the note the supplier is sent."""
    dialogue.look_beforehand = look_beforehand
    preparation = db.session.get(Preparation, (dialogue.id, company_id))
    if preparation is None and (shared or any(values.values())):  # none made for nothing
        preparation = Preparation(dialogue_id=dialogue.id, company_id=company_id)
        db.session.add(preparation)
    if preparation is not None:
        for name in PREPARATION:
            setattr(preparation, name, values[name])
        preparation.shared = shared
    db.session.commit()


def save_private_notes(dialogue: Dialogue, company_id: int, text: str) -> None:
    notes = db.session.get(PrivateNotes, (dialogue.id, company_id))
    if notes is None and text:  # none made for nothing
        notes = PrivateNotes(dialogue_id=dialogue.id, company_id=company_id)
        db.session.add(notes)
    if notes is not None:
        notes.text = text


def move(dialogue: Dialogue, to: datetime, timezone: str, reason: str, note: str, by: User,
         at: datetime) -> None:
    dialogue.move(to, timezone, reason, note, by, at)
    db.session.commit()


def propose(dialogue: Dialogue, to: datetime, timezone: str, note: str, by: User,
            at: datetime) -> None:
    dialogue.propose(to, timezone, note, by, at)
    db.session.commit()


def accept_proposal(dialogue: Dialogue, by: User, at: datetime) -> None:
    dialogue.accept_proposal(by, at)
    db.session.commit()


def no_show(dialogue: Dialogue, by: User, at: datetime) -> None:
    dialogue.no_show(by, at)
    db.session.commit()


def cancel(dialogue: Dialogue, by: User, at: datetime) -> None:
    dialogue.cancel(by, at)
    db.session.commit()


def record(dialogue: Dialogue, *, held_on: date, notes: str, openness: str | None,
           follow_up_offered: bool | None, attended: set[str], points: list[AttentionPoint],
           said: dict[int, tuple[str, str]], private_notes: str, company_id: int,
           today: date, mechanism_note: str = "") -> None:
    """The common record: who attended (participant ids as given), and per point
    the writer sees (``points``) its notes and the supplier's context (``said``,
    by point id); and the writer's company's own notes."""
    dialogue.hold(held_on, notes, openness, follow_up_offered, today, mechanism_note)
    for participant in dialogue.participants:
        participant.attended = str(participant.id) in attended
    for point in points:
        point.notes, point.supplier_context = said.get(point.id, ("", ""))
    save_private_notes(dialogue, company_id, private_notes)
    db.session.commit()


def add_doubt(dialogue: Dialogue, doubt: DataDoubt) -> None:
    dialogue.doubts.append(doubt)
    db.session.commit()


def toggle_doubt_task(doubt: DataDoubt) -> None:
    doubt.task_done = not doubt.task_done
    db.session.commit()


def follow_up_sent(dialogue: Dialogue, at: datetime) -> None:
    dialogue.follow_up_sent(at)
    db.session.commit()


def add_action(dialogue: Dialogue, action: Action) -> None:
    dialogue.add_action(action)
    db.session.commit()


def update_action(action: Action, status: ActionStatus, *, comment: str, evidence: str,
                  drop_reason: str, by: User, at: datetime,
                  file: Checked | None = None) -> None:
    """A new status with a comment and evidence, and a file if one was attached
    (as ``evidence.check`` took it), marked as the brand's or the supplier's;
    the brand is told of the supplier's."""
    update = ActionUpdate(status=status, comment=comment, evidence=evidence, by_id=by.id,
                          at=at, seen_by_brand=by.is_brand)
    if file is not None:
        update.file = EvidenceFile.attached(file, by, at)
    action.updates.append(update)
    action.status, action.updated_at, action.drop_reason = status, at, drop_reason
    db.session.commit()


def updates_seen(action: Action) -> None:
    """A read receipt: the brand opened the agreement and saw the supplier's news."""
    for update in action.updates:
        update.seen_by_brand = True
    db.session.commit()


def save_settings(nudge_days: int, default: int) -> None:
    keep_own(DialogueSettings, {"nudge_days": nudge_days}, {"nudge_days": default})
    db.session.commit()


def mark_sector(item, theme: str | None, country: str | None) -> None:
    """Mark a point or an agreement as needing a sector-wide solution (with a theme
    and a country), or unmark it (``None``)."""
    if theme and country:
        item.mark_sector(theme, country)
    else:
        item.unmark_sector()
    db.session.commit()
