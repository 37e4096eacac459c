"""Onboarding: which sites a company prioritises, its pipeline with each
supplier, the messages it sent, and its project timeline."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, Site, StateError, Supplier, User, enum_type, utcnow
from ..tenancy import company_owned, rule, within
from . import pipeline
from .pipeline import Stage


def _rating(name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{name} IS NULL OR ({name} >= 1 AND {name} <= 5)",
                              name=f"{name}_rating")


class SitePriority(db.Model):
    """A company's selection criteria for one site (ratings 1–5; None: not known)."""

    __tablename__ = "site_priority"
    __table_args__ = (
        sa.UniqueConstraint("company_id", "site_id"),
        *(_rating(n) for n in ("country_risk", "labour_relations_risk", "severity",
                               "irreversibility", "trust", "order_stability")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    country_risk: Mapped[int | None]
    labour_relations_risk: Mapped[int | None]
    severity: Mapped[int | None]
    irreversibility: Mapped[int | None]
    trust: Mapped[int | None]
    order_stability: Mapped[int | None]
    #: Already involved in other projects (asked too often).
    over_asked: Mapped[bool | None]
    #: Chosen on the priorities page to approach: "selected for outreach" on the
    #: pages (not the pipeline's stage ``Stage.shortlisted``, of a supplier).
    shortlisted: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    company: Mapped[Company] = relationship()
    site: Mapped[Site] = relationship()


class PriorityWeights(db.Model):
    """A company's weights for the priority criteria (see ``scoring``)."""

    __tablename__ = "priority_weights"

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    weights: Mapped[dict] = mapped_column(sa.JSON, default=dict)


class Engagement(db.Model):
    """One company's onboarding of one supplier."""

    __table_args__ = (sa.UniqueConstraint("company_id", "supplier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    stage: Mapped[Stage] = mapped_column(enum_type(Stage), default=Stage.candidate)
    #: After a decline: the first day the supplier may be asked again.
    reask_on: Mapped[date | None]
    #: Codes from ``pipeline.STRATEGIES`` used in approaching the supplier.
    strategies: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: A participating supplier who told this one about the project.
    ambassador_id: Mapped[int | None] = mapped_column(sa.ForeignKey("supplier.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    company: Mapped[Company] = relationship()
    supplier: Mapped[Supplier] = relationship(foreign_keys=[supplier_id])
    ambassador: Mapped[Supplier | None] = relationship(foreign_keys=[ambassador_id])
    changes: Mapped[list[StageChange]] = relationship(
        back_populates="engagement", order_by="StageChange.at.desc(), StageChange.id.desc()",
        cascade="all, delete-orphan")
    messages: Mapped[list[OutreachMessage]] = relationship(
        back_populates="engagement", order_by="OutreachMessage.sent_at.desc()",
        cascade="all, delete-orphan")

    # --- state changes: each refuses (StateError) a move the pipeline does not allow.

    def move_to(self, to: Stage, by: User, *, at: datetime, today: date, reasons=(),
                note: str = "", reask_on: date | None = None) -> StageChange:
        """Move along the pipeline (``pipeline.MOVES``), brand staff or the supplier
        answering. A declined supplier is not moved anywhere before its re-ask date
        (``StateError("declined")``): not back to approached, nor round through
        candidate; its "no" is respected."""
        if self.is_respecting_decline(today):
            raise StateError("declined")
        if not pipeline.may_move(self.stage, to):
            raise StateError(f"no move from {self.stage.value} to {to.value}")
        if to is Stage.declined:
            return self.decline(by, at=at, reasons=reasons, note=note, reask_on=reask_on)
        return self._log(to, by, at, note, reasons)

    def decline(self, by: User, *, at: datetime, reasons, note: str = "",
                reask_on: date | None = None) -> StageChange:
        """Declined, with reasons; nobody asks again before ``reask_on`` (six
        months later by default)."""
        if not pipeline.may_move(self.stage, Stage.declined):
            raise StateError(f"a {self.stage.value} supplier cannot decline")
        if not reasons:
            raise StateError("a decline records its reasons")
        change = self._log(Stage.declined, by, at, note, reasons)
        self.reask_on = reask_on or pipeline.default_reask(at.date())
        return change

    def is_respecting_decline(self, today: date) -> bool:
        """Declined, and the re-ask date is still to come."""
        return self.stage is Stage.declined \
            and not pipeline.may_approach(self.stage, self.reask_on, today)

    @property
    def last_decline(self) -> StageChange | None:
        """The latest move to declined: who said no, and when."""
        return next((c for c in self.changes if c.to_stage is Stage.declined), None)

    @property
    def may_answer(self) -> bool:
        """Whether the supplier may answer the invitation now (join or decline)."""
        return pipeline.may_move(self.stage, Stage.joined)

    def approach(self, by: User, *, at: datetime, today: date, note: str) -> StageChange:
        """Approached with a message: never a declined supplier before its re-ask date."""
        if not pipeline.may_approach(self.stage, self.reask_on, today):
            raise StateError(f"a {self.stage.value} supplier is not approached now")
        return self._log(Stage.approached, by, at, note)

    def _log(self, to: Stage, by: User, at: datetime, note: str, reasons=()) -> StageChange:
        change = StageChange(from_stage=self.stage, to_stage=to, by=by, note=note.strip(),
                             reasons=list(reasons), at=at)
        self.changes.append(change)
        self.stage, self.reask_on = to, None
        return change


class StageChange(db.Model):
    """A dated, attributed move in the pipeline."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[Stage | None] = mapped_column(enum_type(Stage, "from_stage"))
    to_stage: Mapped[Stage] = mapped_column(enum_type(Stage, "to_stage"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Who moved it: brand staff, or a supplier user answering the invitation.
    by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    #: Decline reasons (codes from ``pipeline.DECLINE_REASONS``).
    reasons: Mapped[list] = mapped_column(sa.JSON, default=list)

    engagement: Mapped[Engagement] = relationship(back_populates="changes")
    by: Mapped[User] = relationship()


class OutreachTemplate(db.Model):
    """A company's own wording of the outreach message, per language."""

    __tablename__ = "outreach_template"
    __table_args__ = (sa.UniqueConstraint("company_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    locale: Mapped[str] = mapped_column(sa.String(16))
    subject: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)


class OutreachMessage(db.Model):
    """A message sent (or handed over to copy) to a supplier, kept on its record."""

    __tablename__ = "outreach_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    locale: Mapped[str] = mapped_column(sa.String(16))
    subject: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    #: True when handed to the SMTP server; False when shown to copy.
    mailed: Mapped[bool] = mapped_column(default=False)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))

    engagement: Mapped[Engagement] = relationship(back_populates="messages")
    by: Mapped[User] = relationship()


class MilestoneKind(enum.Enum):
    kickoff = "kickoff"
    confirmation = "confirmation"
    survey = "survey"
    dialogue = "dialogue"
    other = "other"


class Milestone(db.Model):
    """A point on the project timeline; revisions keep every earlier date."""

    __table_args__ = (
        sa.CheckConstraint("ends_on IS NULL OR ends_on >= due_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    #: The site it concerns (its country decides the holiday warnings), if any.
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("site.id"))
    kind: Mapped[MilestoneKind] = mapped_column(enum_type(MilestoneKind))
    title: Mapped[str] = mapped_column(sa.String(160))
    due_on: Mapped[date]
    #: For a window (e.g. a survey open for two weeks).
    ends_on: Mapped[date | None]
    done: Mapped[bool] = mapped_column(default=False)

    company: Mapped[Company] = relationship()
    site: Mapped[Site | None] = relationship()
    revisions: Mapped[list[MilestoneRevision]] = relationship(
        back_populates="milestone", order_by="MilestoneRevision.at.desc()",
        cascade="all, delete-orphan")

    def revise(self, new_due_on: date, reason: str, note: str, by: User,
               at: datetime) -> MilestoneRevision:
        """Move to another date, keeping the old date and the reason; a window
        keeps its length."""
        revision = MilestoneRevision(old_due_on=self.due_on, new_due_on=new_due_on,
                                     reason=reason, note=note, by=by, at=at)
        self.revisions.append(revision)
        if self.ends_on:
            self.ends_on = self.ends_on + (new_due_on - self.due_on)
        self.due_on = new_due_on
        return revision


class MilestoneRevision(db.Model):
    __tablename__ = "milestone_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    milestone_id: Mapped[int] = mapped_column(
        sa.ForeignKey("milestone.id", ondelete="CASCADE"), index=True)
    old_due_on: Mapped[date]
    new_due_on: Mapped[date]
    #: A code from ``timeline.DELAY_REASONS``.
    reason: Mapped[str] = mapped_column(sa.String(30))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))

    milestone: Mapped[Milestone] = relationship(back_populates="revisions")
    by: Mapped[User] = relationship()


# --- tenancy: all of it is the company's own; suppliers see only their invitation.

company_owned(SitePriority, PriorityWeights, OutreachTemplate, Milestone)
within(StageChange, StageChange.engagement_id, Engagement)
within(OutreachMessage, OutreachMessage.engagement_id, Engagement)
within(MilestoneRevision, MilestoneRevision.milestone_id, Milestone)


@rule(Engagement)
def _engagement(user: User):
    if user.role is Role.brand:
        return Engagement.company_id == user.company_id
    if user.role is Role.supplier:
        # The supplier sees that it was invited (approached or later), to answer.
        return sa.and_(Engagement.supplier_id == user.supplier_id,
                       Engagement.stage != Stage.candidate,
                       Engagement.stage != Stage.shortlisted)
    return sa.false()
