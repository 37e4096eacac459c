"""The dialogue log: a conversation with the supplier about released results,
its preparation, its record, what was agreed, and how the agreements are kept.

Workers are never named here: agreements are about indicators and sites.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, Site, StateError, User, enum_type, utcnow
from ..onboarding.models import Milestone
from ..surveys.models import SurveyCycle, co_owned_cycles
from ..tenancy import company_owned, manage_rule, rule, scoped, within
from .evidence import THUMBNAIL_SIDE, Checked, thumbnail_box
from .scheduling import from_utc


class DialogueStatus(enum.Enum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"

    # For templates, which cannot name the members.
    @property
    def is_planned(self) -> bool:
        return self is DialogueStatus.planned

    @property
    def is_held(self) -> bool:
        return self is DialogueStatus.held

    @property
    def is_cancelled(self) -> bool:
        return self is DialogueStatus.cancelled


class Dialogue(db.Model):
    """One conversation with a supplier about one cycle's released results."""

    __table_args__ = (sa.CheckConstraint("minutes > 0 AND minutes <= 600",
                                         name="sensible_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("survey_cycle.id"), index=True)
    #: On the onboarding timeline: a move is a revision there.
    milestone_id: Mapped[int | None] = mapped_column(sa.ForeignKey("milestone.id"))
    #: When, in UTC; shown in each participant's own zone.
    starts_at: Mapped[datetime]
    minutes: Mapped[int] = mapped_column(default=90)
    #: The zone the organiser thinks in (the site's, by default).
    timezone: Mapped[str] = mapped_column(sa.String(64))
    #: The language the conversation is held in.
    language: Mapped[str] = mapped_column(sa.String(16))
    #: Where: a factory room, or a video-call link.
    place: Mapped[str] = mapped_column(sa.String(300), default="")
    status: Mapped[DialogueStatus] = mapped_column(enum_type(DialogueStatus),
                                                   default=DialogueStatus.planned)
    #: Bumped at each move, so calendars replace the earlier invitation.
    sequence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    # Another time the supplier proposes, until the brand accepts it (a move) or
    # moves the dialogue otherwise.
    proposed_starts_at: Mapped[datetime | None]
    proposed_timezone: Mapped[str | None] = mapped_column(sa.String(64))
    proposal_note: Mapped[str | None] = mapped_column(sa.String(300))
    proposed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    proposed_at: Mapped[datetime | None]

    # Each owner's preparation is a ``Preparation`` of its own.
    #: "Could you look at … beforehand": sent to the supplier (not an agenda).
    look_beforehand: Mapped[str] = mapped_column(sa.Text, default="")

    # The record, common to the owners (the supplier reads the letter, not this).
    held_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    #: A code from ``vocabulary.OPENNESS``.
    openness: Mapped[str | None] = mapped_column(sa.String(20))
    follow_up_offered: Mapped[bool | None]
    #: What the supplier said about its grievance mechanism (is it known, used,
    #: trusted; what happens to a complaint).
    mechanism_note: Mapped[str] = mapped_column(sa.Text, default="")
    follow_up_sent_at: Mapped[datetime | None]

    company: Mapped[Company] = relationship()
    cycle: Mapped[SurveyCycle] = relationship()
    milestone: Mapped[Milestone | None] = relationship()
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    participants: Mapped[list[Participant]] = relationship(
        back_populates="dialogue", order_by="Participant.id", cascade="all, delete-orphan")
    points: Mapped[list[AttentionPoint]] = relationship(
        back_populates="dialogue", order_by="AttentionPoint.position",
        cascade="all, delete-orphan")
    doubts: Mapped[list[DataDoubt]] = relationship(
        back_populates="dialogue", order_by="DataDoubt.id", cascade="all, delete-orphan")
    actions: Mapped[list[Action]] = relationship(
        back_populates="dialogue", order_by="Action.due_on", cascade="all, delete-orphan")
    changes: Mapped[list[DialogueChange]] = relationship(
        back_populates="dialogue", order_by="DialogueChange.at",
        cascade="all, delete-orphan")

    @property
    def site(self) -> Site:
        return self.cycle.site

    @property
    def is_joint(self) -> bool:
        """About a joint cycle: its co-owners own the dialogue with the lead."""
        return self.cycle.is_joint

    @property
    def owner_ids(self) -> set[int]:
        return {self.company_id} | self.cycle.owner_ids

    @property
    def local_start(self) -> datetime:
        """The start in the dialogue's own zone (naive: for display with the zone)."""
        return from_utc(self.starts_at, self.timezone).replace(tzinfo=None)

    # --- state changes: each refuses (StateError) a dialogue in the wrong state.

    def _require(self, *states: DialogueStatus, to: str) -> None:
        if self.status not in states:
            raise StateError(f"a {self.status.value} dialogue cannot {to}")

    def add_participant(self, participant: Participant) -> None:
        """Someone takes part: added before the meeting only."""
        self._require(DialogueStatus.planned, to="take on participants")
        self.participants.append(participant)

    def remove_participant(self, participant: Participant) -> None:
        """Off the list, before the meeting (afterwards the record keeps who attended)."""
        self._require(DialogueStatus.planned, to="lose participants")
        self.participants.remove(participant)

    def add_point(self, point: AttentionPoint) -> None:
        """A point to raise: the brand's at any time, the supplier's before the meeting."""
        if point.by_supplier:
            self._require(DialogueStatus.planned, to="take the supplier's points")
        point.position = len(self.points)
        self.points.append(point)

    def remove_point(self, point: AttentionPoint, by_supplier: bool) -> None:
        """A point leaves the list only as ``AttentionPoint.may_be_removed`` says:
        by whoever added it, and never from a held dialogue's record."""
        if not point.may_be_removed(by_supplier):
            raise StateError(f"a {self.status.value} dialogue keeps this point")
        self.points.remove(point)

    @staticmethod
    def check_time(cycle: SurveyCycle, starts: datetime, timezone: str) -> None:
        """A dialogue is about released results: refused ("before_release") on a
        day, in ``timezone``, before the cycle's results were released."""
        released = cycle.results_shared_on
        if released is None or from_utc(starts, timezone).date() < released:
            raise StateError("before_release")

    def move(self, to: datetime, timezone: str, reason: str, note: str, by: User,
             at: datetime) -> None:
        """Move to another time (``to`` in UTC), saying why; calendars replace the
        invitation. The same time in the same zone is not a move; a proposed time
        is answered by the move."""
        self._require(DialogueStatus.planned, to="move")
        if self.is_at(to, timezone):
            raise StateError("the dialogue is already at that time")
        self.check_time(self.cycle, to, timezone)
        self.timezone = timezone  # the milestone's new day is in this zone
        self._log_change("moved", to, reason, note, by, at)
        self.starts_at = to
        self.sequence += 1
        self._drop_proposal()

    def propose(self, to: datetime, timezone: str, note: str, by: User, at: datetime) -> None:
        """The supplier proposes another time (``to`` in UTC) before the meeting;
        a later proposal replaces an earlier one."""
        self._require(DialogueStatus.planned, to="take a proposed time")
        if to == self.starts_at:  # the same moment, in whichever zone
            raise StateError("the dialogue is already at that time")
        self.check_time(self.cycle, to, timezone)
        self.proposed_starts_at, self.proposed_timezone = to, timezone
        self.proposal_note, self.proposed_by_id, self.proposed_at = note, by.id, at

    @property
    def has_proposal(self) -> bool:
        return self.proposed_starts_at is not None

    def accept_proposal(self, by: User, at: datetime) -> None:
        """The brand accepts the supplier's time: the dialogue moves there."""
        self._require(DialogueStatus.planned, to="move")
        if not self.has_proposal:
            raise StateError("no time was proposed")
        note = self.proposal_note or ""
        self.move(self.proposed_starts_at, self.proposed_timezone, "supplier_asked",
                  note, by, at)

    def _drop_proposal(self) -> None:
        self.proposed_starts_at = self.proposed_timezone = self.proposal_note = None
        self.proposed_by_id = self.proposed_at = None

    def is_at(self, starts: datetime, timezone: str) -> bool:
        """Already at that time (UTC) in that zone: moving there is no move."""
        return starts == self.starts_at and timezone == self.timezone

    def no_show(self, by: User, at: datetime) -> None:
        """The supplier did not come; the date stays until the dialogue is moved."""
        self._require(DialogueStatus.planned, to="be missed")
        self._log_change("no_show", None, "no_show", "", by, at)

    def cancel(self, by: User, at: datetime) -> None:
        """Called off: calendars remove it, and the results wait for a new dialogue."""
        self._require(DialogueStatus.planned, to="be cancelled")
        self._log_change("cancelled", None, "other", "", by, at)
        self.status = DialogueStatus.cancelled
        self.sequence += 1
        self._drop_proposal()

    def hold(self, on: date, notes: str, openness: str | None,
             follow_up_offered: bool | None, today: date, mechanism_note: str = "") -> None:
        """Recorded as held on ``on`` (a held dialogue's record may be corrected);
        the cycle's state and the timeline follow. Not on a day still to come
        ("future"), nor before the results were released ("before_release")."""
        self._require(DialogueStatus.planned, DialogueStatus.held, to="be recorded")
        if on > today:
            raise StateError("future")
        if self.cycle.results_shared_on is None or on < self.cycle.results_shared_on:
            raise StateError("before_release")
        self.held_on, self.notes, self.openness = on, notes, openness
        self.follow_up_offered, self.mechanism_note = follow_up_offered, mechanism_note
        self.status = DialogueStatus.held
        self._drop_proposal()
        self.cycle.dialogue_held_on = on
        if self.milestone is not None:
            self.milestone.done = True

    def add_action(self, action: Action) -> None:
        """An agreement: made in the conversation, so only once it is held."""
        self._require(DialogueStatus.held, to="take agreements")
        self.actions.append(action)

    def follow_up_sent(self, at: datetime) -> None:
        self._require(DialogueStatus.held, to="be followed up")
        self.follow_up_sent_at = at

    def _log_change(self, kind: str, new: datetime | None, reason: str, note: str,
                    by: User, at: datetime) -> None:
        self.changes.append(DialogueChange(
            kind=kind, old_starts_at=self.starts_at, new_starts_at=new, reason=reason,
            note=note, by_id=by.id, at=at))
        milestone = self.milestone
        if milestone is None:
            return
        if kind == "cancelled":
            milestone.done = True  # off the timeline's "overdue"; the change says why
        elif new is not None:
            milestone.revise(from_utc(new, self.timezone).date(), reason, note, by, at)
        else:  # a no-show: the date stays until the dialogue is moved
            milestone.revise(milestone.due_on, reason, note, by, at)


class DialogueChange(db.Model):
    """A move or a no-show, dated and attributed."""

    __tablename__ = "dialogue_change"
    __table_args__ = (sa.CheckConstraint("kind IN ('moved', 'no_show', 'cancelled')",
                                         name="change_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(10))
    old_starts_at: Mapped[datetime]
    new_starts_at: Mapped[datetime | None]
    #: A code from ``onboarding.timeline.DELAY_REASONS``.
    reason: Mapped[str] = mapped_column(sa.String(30))
    note: Mapped[str] = mapped_column(sa.String(300), default="")
    by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    dialogue: Mapped[Dialogue] = relationship(back_populates="changes")
    by: Mapped[User] = relationship()


class Participant(db.Model):
    """Someone taking part, from any organisation; not necessarily a user."""

    id: Mapped[int] = mapped_column(primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: A code from ``vocabulary.ORGANISATIONS``.
    organisation: Mapped[str] = mapped_column(sa.String(20))
    #: Which owner's staff added them (in a joint dialogue, the brands taking part).
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"))
    #: E.g. management, HR, compliance, production.
    department: Mapped[str] = mapped_column(sa.String(80), default="")
    #: May decide on actions in the meeting.
    decides: Mapped[bool] = mapped_column(default=False)
    language: Mapped[str] = mapped_column(sa.String(16))
    timezone: Mapped[str] = mapped_column(sa.String(64))
    #: For public holidays on the day.
    country: Mapped[str | None] = mapped_column(sa.String(2))
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    #: Filled in with the record: None until then.
    attended: Mapped[bool | None]

    dialogue: Mapped[Dialogue] = relationship(back_populates="participants")
    company: Mapped[Company | None] = relationship()


class SectorFlag:
    """Brand staff may mark a point or an agreement as needing a sector-wide
    solution (a living wage, purchasing practices, recruitment fees in a migration
    corridor…), with its theme and country: the MSI's coordinator sees how many
    members raised each theme in each country, never which point or company."""

    sector_theme: Mapped[str | None] = mapped_column(sa.String(30))
    #: ISO 3166-1 alpha-2.
    sector_country: Mapped[str | None] = mapped_column(sa.String(2))

    def mark_sector(self, theme: str, country: str) -> None:
        if not theme or not country:
            raise ValueError("a theme and a country")
        self.sector_theme, self.sector_country = theme, country

    def unmark_sector(self) -> None:
        self.sector_theme = self.sector_country = None


class AttentionPoint(SectorFlag, db.Model):
    """A point to raise: proposed from the results, the brand's own, or the
    supplier's; with what was said about it in the conversation."""

    __tablename__ = "attention_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    #: A code from ``proposals.KINDS``, or "own" / "supplier".
    kind: Mapped[str] = mapped_column(sa.String(20))
    #: The indicator it is about, if any.
    question_code: Mapped[str | None] = mapped_column(sa.String(40))
    text: Mapped[str] = mapped_column(sa.String(500))
    #: Added by the supplier's people (they see their own points only).
    by_supplier: Mapped[bool] = mapped_column(default=False)
    #: The owner whose preparation it belongs to (None: the supplier's point). In
    #: a joint dialogue the other owners see it once that owner shares its
    #: preparation.
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    #: The supplier's context: the story behind the number.
    supplier_context: Mapped[str] = mapped_column(sa.Text, default="")

    dialogue: Mapped[Dialogue] = relationship(back_populates="points")
    company: Mapped[Company | None] = relationship()

    @property
    def from_grievances(self) -> bool:
        """Proposed from the site's grievance figures (its code: "grievance:…")."""
        return (self.question_code or "").startswith("grievance:")

    def may_be_removed(self, by_supplier: bool) -> bool:
        """Whether the brand's staff (``by_supplier`` false) or the supplier's
        people may remove this point. A held dialogue's points stay: with their
        notes they are the record of what was said. A point the supplier added is
        the supplier's own words, theirs to remove, before the meeting only; the
        brand's points are the brand's."""
        status = self.dialogue.status
        if status.is_held or by_supplier != self.by_supplier:
            return False
        return status.is_planned or not by_supplier


class DataDoubt(db.Model):
    """A doubt about the data raised in the conversation, how it was answered,
    and the task it became, if any."""

    __tablename__ = "data_doubt"

    id: Mapped[int] = mapped_column(primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), index=True)
    question_code: Mapped[str | None] = mapped_column(sa.String(40))
    doubt: Mapped[str] = mapped_column(sa.String(500))
    answer: Mapped[str] = mapped_column(sa.String(500), default="")
    #: E.g. "re-check the Vietnamese translation of WAGE_RUNS_OUT".
    task: Mapped[str] = mapped_column(sa.String(300), default="")
    task_done: Mapped[bool] = mapped_column(default=False)

    dialogue: Mapped[Dialogue] = relationship(back_populates="doubts")


class ActionStatus(enum.Enum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"

    # For templates, which cannot name the members.
    @property
    def is_in_progress(self) -> bool:
        return self is ActionStatus.in_progress

    @property
    def is_done(self) -> bool:
        return self is ActionStatus.done

    @property
    def is_dropped(self) -> bool:
        return self is ActionStatus.dropped


class Action(SectorFlag, db.Model):
    """An agreement: who does what by when, for which indicators."""

    __tablename__ = "dialogue_action"
    __table_args__ = (
        sa.CheckConstraint("owner IN ('brand', 'supplier', 'factory')", name="owner_kind"),
        sa.CheckConstraint("status != 'dropped' OR drop_reason != ''",
                           name="dropped_with_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    #: brand, supplier or factory; and the named person.
    owner: Mapped[str] = mapped_column(sa.String(10))
    #: When a brand acts: which owner of the dialogue (a joint one has several).
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"))
    owner_name: Mapped[str] = mapped_column(sa.String(120), default="")
    due_on: Mapped[date]
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus),
                                                 default=ActionStatus.planned)
    drop_reason: Mapped[str] = mapped_column(sa.String(300), default="")
    #: The question codes of the indicators it aims to improve.
    codes: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: The brand's own purchasing practice (price, lead times, order planning).
    purchasing: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    dialogue: Mapped[Dialogue] = relationship(back_populates="actions")
    company: Mapped[Company | None] = relationship()

    @property
    def acting_company(self) -> str | None:
        """The name of the brand that acts, for an agreement a brand carries out."""
        return self.company.name if self.owner == "brand" and self.company else None
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", order_by="ActionUpdate.at.desc()",
        cascade="all, delete-orphan")

    def overdue(self, today: date) -> bool:
        return self.status in (ActionStatus.planned, ActionStatus.in_progress) \
            and self.due_on < today

    @classmethod
    def overdue_on(cls, today: date) -> sa.ColumnElement[bool]:
        """SQL: ``overdue`` (the same rule), to count agreements without loading them."""
        return sa.and_(cls.status.in_([ActionStatus.planned, ActionStatus.in_progress]),
                       cls.due_on < today)

    @property
    def done_on(self) -> date | None:
        """While it is done, the day it was marked done (the last time, if it was
        reopened since; a later note that keeps it done does not move the day):
        from then on it can show in the figures."""
        if self.status is not ActionStatus.done:
            return None
        marked = self.updated_at
        for update in sorted(self.updates, key=lambda u: u.at, reverse=True):
            if update.status is not ActionStatus.done:
                break
            marked = update.at
        return marked.date()


class ActionUpdate(db.Model):
    """A change of an action's status, with a comment and a note of evidence."""

    __tablename__ = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue_action.id", ondelete="CASCADE"), index=True)
    status: Mapped[ActionStatus] = mapped_column(enum_type(ActionStatus, "update_status"))
    comment: Mapped[str] = mapped_column(sa.String(1000), default="")
    evidence: Mapped[str] = mapped_column(sa.String(500), default="")
    by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The brand has seen a change made by the supplier.
    seen_by_brand: Mapped[bool] = mapped_column(default=False)

    action: Mapped[Action] = relationship(back_populates="updates")
    by: Mapped[User] = relationship()
    #: A photo or document attached as evidence (one per update).
    file: Mapped[EvidenceFile | None] = relationship(
        back_populates="update", cascade="all, delete-orphan")


class EvidenceFile(db.Model):
    """A photo or document attached to an update as evidence, stored in the
    database like everything else (so backups hold it). What is stored was
    checked by ``evidence.check``: a photo re-encoded without its metadata, a
    document as it came. Seen by whoever sees the update: the dialogue's brand
    and supplier."""

    __tablename__ = "agreement_evidence"
    __table_args__ = (
        sa.CheckConstraint("(company_id IS NULL) != (supplier_id IS NULL)",
                           name="one_uploader"),
        sa.CheckConstraint("size > 0", name="not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(
        sa.ForeignKey("action_update.id", ondelete="CASCADE"), unique=True)
    #: The organisation that attached it: the brand or the supplier.
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"))
    supplier_id: Mapped[int | None] = mapped_column(sa.ForeignKey("supplier.id"))
    #: The sender's file name, cleaned, with the extension of what is stored.
    filename: Mapped[str] = mapped_column(sa.String(100))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    #: Bytes of ``content``.
    size: Mapped[int]
    #: Loaded only when the file itself is asked for, not by the pages listing it.
    content: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    #: A photo's small picture (JPEG) and its size as stored; None for a document.
    thumbnail: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)
    width: Mapped[int | None]
    height: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    update: Mapped[ActionUpdate] = relationship(back_populates="file")

    @classmethod
    def attached(cls, file: Checked, by: User, at: datetime) -> EvidenceFile:
        """What ``evidence.check`` took, as attached by ``by`` for its organisation."""
        return cls(company_id=by.company_id if by.is_brand else None,
                   supplier_id=by.supplier_id if by.is_supplier else None,
                   filename=file.filename, content_type=file.content_type,
                   size=len(file.content), content=file.content, thumbnail=file.thumbnail,
                   width=file.width, height=file.height, created_at=at)

    @property
    def is_photo(self) -> bool:
        return self.thumbnail_size is not None

    @property
    def thumbnail_size(self) -> tuple[int, int] | None:
        """The small picture's size as shown (half its pixels: sharp on phones)."""
        if self.width is None or self.height is None:
            return None
        return thumbnail_box(self.width, self.height, THUMBNAIL_SIDE // 2)

    @property
    def kind(self) -> str:
        """PDF, DOCX, XLSX, JPG or PNG: what the file is, as its name ends."""
        return self.filename.rsplit(".", 1)[-1].upper()


#: The fields of an owner's preparation, in the order of the form.
PREPARATION = ("audit_note", "expert_context", "grievance_note", "open_questions", "solutions",
               "must_discuss", "script")


class Preparation(db.Model):
    """One owner's preparation of a dialogue: its staff's alone (the supplier
    never sees it). In a joint dialogue, an owner may share it (these fields and
    its attention points) with the other owners."""

    __tablename__ = "dialogue_preparation"

    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    audit_note: Mapped[str] = mapped_column(sa.Text, default="")
    expert_context: Mapped[str] = mapped_column(sa.Text, default="")
    #: What the site's grievance figures say, read beside the survey's.
    grievance_note: Mapped[str] = mapped_column(sa.Text, default="")
    open_questions: Mapped[str] = mapped_column(sa.Text, default="")
    solutions: Mapped[str] = mapped_column(sa.Text, default="")
    must_discuss: Mapped[str] = mapped_column(sa.Text, default="")
    #: The openness script the company adapted, to print and take along.
    script: Mapped[str] = mapped_column(sa.Text, default="")
    #: Shown to the other owners of a joint dialogue.
    shared: Mapped[bool] = mapped_column(default=False)

    dialogue: Mapped[Dialogue] = relationship()
    company: Mapped[Company] = relationship()


class PrivateNotes(db.Model):
    """An owner's own notes of the meeting, beside the common record: never
    shown to another owner or the supplier, shared or not."""

    __tablename__ = "dialogue_private_notes"

    dialogue_id: Mapped[int] = mapped_column(
        sa.ForeignKey("dialogue.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    text: Mapped[str] = mapped_column(sa.Text, default="")


class DialogueSettings(db.Model):
    """When the home page nudges: released results without a dialogue for this
    many days."""

    __tablename__ = "dialogue_settings"
    __table_args__ = (sa.CheckConstraint("nudge_days >= 1 AND nudge_days <= 365",
                                         name="nudge_range"),)

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    nudge_days: Mapped[int] = mapped_column(default=14)


# --- tenancy ---------------------------------------------------------------------


def _owned_by(company_id: int):
    """Dialogues the company owns: its own, and those about a joint cycle it
    co-owns (the lead plans them; the record and agreements are common)."""
    return sa.or_(Dialogue.company_id == company_id,
                  Dialogue.cycle_id.in_(co_owned_cycles(company_id)))


@rule(Dialogue)
def _dialogue(user: User):
    if user.role is Role.brand:
        return _owned_by(user.company_id)
    if user.role is Role.supplier:
        # The supplier's own sites, and only about results released to it.
        return Dialogue.cycle_id.in_(scoped(SurveyCycle, user).where(
            SurveyCycle.is_released).with_only_columns(SurveyCycle.id))
    return sa.false()


@manage_rule(Dialogue)
def _dialogue_managed(user: User):
    # The lead organises the meeting (time, invitations, cancelling); co-owners
    # prepare, take part, write the common record and agreements.
    if user.role is Role.brand:
        return Dialogue.company_id == user.company_id
    return sa.true()


@rule(AttentionPoint)
def _point(user: User):
    visible = AttentionPoint.dialogue_id.in_(
        scoped(Dialogue, user).with_only_columns(Dialogue.id))
    if user.role is Role.supplier:
        # The brand's preparation is its own; the supplier sees its own points.
        return sa.and_(visible, AttentionPoint.by_supplier.is_(True))
    # Each owner's points are its preparation: the supplier's and its own, and
    # those of another owner that shared its preparation.
    shared = sa.select(Preparation.company_id).where(
        Preparation.dialogue_id == AttentionPoint.dialogue_id, Preparation.shared.is_(True))
    return sa.and_(visible, sa.or_(AttentionPoint.by_supplier.is_(True),
                                   AttentionPoint.company_id == user.company_id,
                                   AttentionPoint.company_id.in_(shared)))


@rule(Preparation)
def _preparation(user: User):
    if user.role is not Role.brand:
        return sa.false()
    owned = Preparation.dialogue_id.in_(scoped(Dialogue, user).with_only_columns(Dialogue.id))
    return sa.and_(owned, sa.or_(Preparation.company_id == user.company_id,
                                 Preparation.shared.is_(True)))


def _brand_and_supplier(model, column) -> None:
    within(model, column, Dialogue, roles=(Role.brand, Role.supplier))


for _model, _column in ((Participant, Participant.dialogue_id),
                        (DialogueChange, DialogueChange.dialogue_id),
                        (Action, Action.dialogue_id)):
    _brand_and_supplier(_model, _column)
within(ActionUpdate, ActionUpdate.action_id, Action, roles=(Role.brand, Role.supplier))
within(EvidenceFile, EvidenceFile.update_id, ActionUpdate, roles=(Role.brand, Role.supplier))
within(DataDoubt, DataDoubt.dialogue_id, Dialogue)  # the brand's own notes
company_owned(DialogueSettings)


@rule(PrivateNotes)
def _private_notes(user: User):
    if user.role is not Role.brand:
        return sa.false()
    return sa.and_(PrivateNotes.company_id == user.company_id, PrivateNotes.dialogue_id.in_(
        scoped(Dialogue, user).with_only_columns(Dialogue.id)))
