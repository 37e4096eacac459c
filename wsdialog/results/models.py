"""A company's reading of results, and the supplier's access to them."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Role, StateError, User, enum_type, utcnow
from ..surveys.models import SurveyCycle
from ..tenancy import company_owned, within
from .anonymity import MIN_GROUP

#: The pilot's reading: an indicator is a priority above 50 % negative answers.
DEFAULT_PRIORITY_PCT = 50
#: Days after the release when the supplier is reminded to tell workers about
#: the results, if it has not recorded doing so.
DEFAULT_SHARING_REMINDER_DAYS = 30


class ResultsSettings(db.Model):
    """A company's reading of results: when an indicator is a priority, and how
    many respondents a group needs before it is shown (never fewer than
    ``anonymity.MIN_GROUP``, also in the database)."""

    __tablename__ = "results_settings"
    __table_args__ = (
        sa.CheckConstraint(f"min_group >= {MIN_GROUP}", name="min_group_floor"),
        sa.CheckConstraint("priority_pct >= 1 AND priority_pct <= 100", name="priority_range"),
    )

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    #: An indicator with more than this share of negative answers is a priority.
    priority_pct: Mapped[int] = mapped_column(default=DEFAULT_PRIORITY_PCT)
    min_group: Mapped[int] = mapped_column(default=MIN_GROUP)
    #: Days after a release before the supplier is reminded to share the results
    #: with its workers (when it has recorded nothing).
    sharing_reminder_days: Mapped[int] = mapped_column(default=DEFAULT_SHARING_REMINDER_DAYS)


class ResultsAccess(db.Model):
    """When a supplier organisation first opened a cycle's results, and when it
    said it had reviewed them: the brand sees both before a dialogue."""

    __tablename__ = "results_access"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "supplier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"))
    first_opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    reviewed_at: Mapped[datetime | None]


class SharingWay(enum.Enum):
    """How a supplier told its workers about a survey's results."""

    poster = "poster"
    meeting = "meeting"
    committee = "committee"
    message_group = "message_group"
    other = "other"


class WorkerSharing(db.Model):
    """The supplier's record that it shared a cycle's results with the workers who
    were asked: how, when, and how many workers it reached (if known). Workers
    give information; this is where the app records that they got some back."""

    __tablename__ = "worker_sharing"
    __table_args__ = (sa.CheckConstraint("workers_reached IS NULL OR workers_reached >= 1",
                                         name="reached_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    way: Mapped[SharingWay] = mapped_column(enum_type(SharingWay, "sharing_way"))
    shared_on: Mapped[date]
    #: How many workers it reached, when the supplier knows.
    workers_reached: Mapped[int | None]
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    recorded_by: Mapped[User] = relationship()

    @classmethod
    def record(cls, cycle: SurveyCycle, way: SharingWay, shared_on: date,
               workers_reached: int | None, by: User, day: date) -> WorkerSharing:
        """A new record for ``cycle``: only once its results are released
        (``StateError("not_released")``), on a day from the release to ``day``
        (``ValueError``)."""
        if not cycle.is_released:
            raise StateError("not_released")
        if not cycle.results_shared_on <= shared_on <= day:
            raise ValueError("shared between the release and today")
        return cls(cycle_id=cycle.id, way=way, shared_on=shared_on,
                   workers_reached=workers_reached, recorded_by=by)


class ProviderDoubt(db.Model):
    """A supplier's doubt about a released cycle's data (a question misunderstood,
    a translation), addressed to the provider that ran the survey, and the
    provider's answer. The cycle's owners see both; so does its dialogue."""

    __tablename__ = "provider_doubt"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    #: The indicator it is about, if any.
    question_code: Mapped[str | None] = mapped_column(sa.String(40))
    text: Mapped[str] = mapped_column(sa.String(1000))
    asked_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    asked_at: Mapped[datetime] = mapped_column(default=utcnow)
    answer: Mapped[str] = mapped_column(sa.String(2000), default="")
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    answered_at: Mapped[datetime | None]

    cycle: Mapped[SurveyCycle] = relationship()
    asked_by: Mapped[User] = relationship(foreign_keys=[asked_by_id])
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])

    @classmethod
    def ask(cls, cycle: SurveyCycle, question_code: str | None, text: str,
            by: User) -> ProviderDoubt:
        """A doubt about released results of a cycle a registered provider ran
        (``StateError("no_provider")`` otherwise)."""
        if not cycle.is_released or cycle.provider_id is None:
            raise StateError("no_provider")
        return cls(cycle_id=cycle.id, question_code=question_code, text=text, asked_by=by)

    def answer_with(self, text: str, by: User, at: datetime) -> None:
        """The provider's answer; it may be corrected later, and says when."""
        self.answer, self.answered_by, self.answered_at = text, by, at


# --- tenancy ---------------------------------------------------------------------

company_owned(ResultsSettings)
within(ResultsAccess, ResultsAccess.cycle_id, SurveyCycle, roles=(Role.brand, Role.supplier))
within(WorkerSharing, WorkerSharing.cycle_id, SurveyCycle, roles=(Role.brand, Role.supplier))
# The supplier asks, the provider answers, the cycle's owners read.
within(ProviderDoubt, ProviderDoubt.cycle_id, SurveyCycle,
       roles=(Role.brand, Role.supplier, Role.provider))
