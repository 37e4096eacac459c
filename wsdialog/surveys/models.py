"""Questionnaires (versioned), survey cycles per site, and anonymous responses.

Anonymity by design: a response has no person identifier, no time of day, no
IP address or browser; demographics are coarse bands. The fact that a file was
imported (who, when) is kept in ``ImportBatch``, apart from the answers.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, Site, User, enum_type, utcnow
from ..tenancy import company_owned, rule, within
from .answers import Answer
from .planning import CycleFacts, CycleState, state


class Questionnaire(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company] = relationship()
    versions: Mapped[list[QuestionnaireVersion]] = relationship(
        back_populates="questionnaire", order_by="QuestionnaireVersion.number",
        cascade="all, delete-orphan")

    @property
    def latest(self) -> QuestionnaireVersion:
        return self.versions[-1]


class QuestionnaireVersion(db.Model):
    """A published version is immutable; editing creates the next version.
    Results stay comparable across versions through the question codes."""

    __tablename__ = "questionnaire_version"
    __table_args__ = (sa.UniqueConstraint("questionnaire_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None]

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions")
    questions: Mapped[list[Question]] = relationship(
        back_populates="version", order_by="Question.position", cascade="all, delete-orphan")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def codes(self) -> list[str]:
        return [q.code for q in self.questions]


class Question(db.Model):
    __table_args__ = (
        sa.UniqueConstraint("version_id", "code"),
        sa.CheckConstraint("negative IN ('yes', 'no')", name="negative_answer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    #: Stable across versions, e.g. WAGE_RUNS_OUT.
    code: Mapped[str] = mapped_column(sa.String(40))
    #: A code from ``questionnaire.THEMES``.
    theme: Mapped[str] = mapped_column(sa.String(30))
    #: The answer that counts as negative: "yes" or "no".
    negative: Mapped[str] = mapped_column(sa.String(3))
    #: E.g. "ESRS S2", "SMETA 2.2".
    standard_ref: Mapped[str] = mapped_column(sa.String(80), default="")

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="questions")
    texts: Mapped[list[QuestionText]] = relationship(
        back_populates="question", cascade="all, delete-orphan")

    def text(self, locale: str) -> str:
        by_locale = {t.locale: t.text for t in self.texts}
        return by_locale.get(locale) or by_locale.get("en") or self.code


class QuestionText(db.Model):
    __tablename__ = "question_text"
    __table_args__ = (sa.UniqueConstraint("question_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(sa.String(16))
    text: Mapped[str] = mapped_column(sa.String(500))
    #: Drafted by machine or by someone not fluent: shown as "needs review".
    needs_review: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="texts")


def _token() -> str:
    return secrets.token_urlsafe(12)


class SurveyCycle(db.Model):
    """One survey round at one site, with one questionnaire version."""

    __tablename__ = "survey_cycle"
    __table_args__ = (
        sa.CheckConstraint("ends_on >= starts_on", name="window_order"),
        sa.CheckConstraint("headcount > 0", name="headcount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), index=True)
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("site.id"), index=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("questionnaire_version.id"))
    starts_on: Mapped[date]
    #: The last day answers are accepted (after any extension).
    ends_on: Mapped[date]
    #: Why the window was extended (low response, a holiday…), if it was.
    extension_reason: Mapped[str] = mapped_column(sa.String(200), default="")
    channels: Mapped[list] = mapped_column(sa.JSON, default=list)
    languages: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: Workers at the site when the cycle was planned: the response-rate denominator.
    headcount: Mapped[int]
    provider: Mapped[str] = mapped_column(sa.String(120), default="")
    results_shared_on: Mapped[date | None]
    dialogue_held_on: Mapped[date | None]
    #: The public link of the built-in worker survey: /s/<token>.
    public_token: Mapped[str] = mapped_column(sa.String(24), unique=True, default=_token)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company] = relationship()
    site: Mapped[Site] = relationship()
    version: Mapped[QuestionnaireVersion] = relationship()

    def state(self, today: date) -> CycleState:
        return state(CycleFacts(self.starts_on, self.ends_on, self.results_shared_on,
                                self.dialogue_held_on), today)


class Response(db.Model):
    """One respondent's answers. No identifier, no time of day, no IP: by design."""

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    #: The day only.
    answered_on: Mapped[date]
    channel: Mapped[str | None] = mapped_column(sa.String(20))
    language: Mapped[str | None] = mapped_column(sa.String(16))
    gender: Mapped[str | None] = mapped_column(sa.String(20))
    age_band: Mapped[str | None] = mapped_column(sa.String(20))
    contract: Mapped[str | None] = mapped_column(sa.String(20))
    role: Mapped[str | None] = mapped_column(sa.String(20))


class ResponseAnswer(db.Model):
    """One answer; the cycle is repeated here so that results aggregate in SQL."""

    __tablename__ = "response_answer"
    __table_args__ = (sa.Index("ix_response_answer_cycle_code", "cycle_id", "question_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        sa.ForeignKey("response.id", ondelete="CASCADE"), index=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"))
    question_code: Mapped[str] = mapped_column(sa.String(40))
    answer: Mapped[Answer] = mapped_column(enum_type(Answer))


class ImportBatch(db.Model):
    """That a file was imported, by whom and when: kept apart from the answers."""

    __tablename__ = "import_batch"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), index=True)
    imported_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    filename: Mapped[str] = mapped_column(sa.String(200))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    respondents: Mapped[int]

    imported_by: Mapped[User] = relationship()


class ResultsSettings(db.Model):
    """A company's reading of results: when an indicator is a priority, and how
    many respondents a group needs before it is shown (never fewer than 5)."""

    __tablename__ = "results_settings"
    __table_args__ = (
        sa.CheckConstraint("min_group >= 5", name="min_group_floor"),
        sa.CheckConstraint("priority_pct >= 1 AND priority_pct <= 100", name="priority_range"),
    )

    company_id: Mapped[int] = mapped_column(sa.ForeignKey("company.id"), primary_key=True)
    #: An indicator with more than this share of negative answers is a priority.
    priority_pct: Mapped[int] = mapped_column(default=50)
    min_group: Mapped[int] = mapped_column(default=5)


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


class AnswerTally(db.Model):
    """Answers per cycle, question and answer, kept current at every import and
    submission, so that whole-cycle figures and cross-site tables read a few
    rows instead of every answer."""

    __tablename__ = "answer_tally"

    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_cycle.id", ondelete="CASCADE"), primary_key=True)
    question_code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    answer: Mapped[Answer] = mapped_column(enum_type(Answer, "tally_answer"),
                                           primary_key=True)
    count: Mapped[int]


# --- tenancy ---------------------------------------------------------------------


@rule(SurveyCycle)
def _cycle(user: User):
    if user.role is Role.brand:
        return SurveyCycle.company_id == user.company_id
    if user.role is Role.supplier:
        # The supplier sees the cycles of its own sites, and their results.
        return SurveyCycle.site_id.in_(
            sa.select(Site.id).where(Site.supplier_id == user.supplier_id))
    return sa.false()


company_owned(Questionnaire, ResultsSettings)
within(QuestionnaireVersion, QuestionnaireVersion.questionnaire_id, Questionnaire)
within(Question, Question.version_id, QuestionnaireVersion)
within(ImportBatch, ImportBatch.cycle_id, SurveyCycle)
# Results belong to the cycle: the brand's, and the supplier's for its own sites.
for _model in (Response, ResponseAnswer, ResultsAccess, AnswerTally):
    within(_model, _model.cycle_id, SurveyCycle, roles=(Role.brand, Role.supplier))
