"""Questionnaires: versioned, with questions and their texts in every survey language.

A published version never changes; editing creates the next version. Results stay
comparable across versions through the question codes.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, User, utcnow
from ..tenancy import company_owned, within


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
    #: The languages a published version offers to workers: those whose every text
    #: a named person reviewed when it was published (fixed from then on).
    languages: Mapped[list] = mapped_column(sa.JSON, default=list)

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions")
    # Questions and their texts come together (two queries, "selectin"): every page
    # that shows questions shows their texts, and one query per text is what made
    # the results page and the survey slow.
    questions: Mapped[list[Question]] = relationship(
        back_populates="version", order_by="Question.position", cascade="all, delete-orphan",
        lazy="selectin")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def codes(self) -> list[str]:
        return [q.code for q in self.questions]

    def reviewed_languages(self) -> list[str]:
        """Languages in which every question has a text a person has reviewed."""
        if not self.questions:
            return []
        per_question = [{t.locale for t in q.texts if t.reviewed} for q in self.questions]
        return sorted(set.intersection(*per_question))

    def offered(self, languages) -> list[str]:
        """Of ``languages``, those this version may be answered in."""
        return [lang for lang in languages if lang in (self.languages or [])]


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
        back_populates="question", cascade="all, delete-orphan", lazy="selectin")

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
    #: Who wrote or checked this text, and when: workers only see reviewed texts.
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    reviewed_at: Mapped[datetime | None]

    question: Mapped[Question] = relationship(back_populates="texts")
    reviewed_by: Mapped[User | None] = relationship()

    @property
    def reviewed(self) -> bool:
        return not self.needs_review and self.reviewed_by_id is not None


# --- tenancy ---------------------------------------------------------------------

company_owned(Questionnaire)
within(QuestionnaireVersion, QuestionnaireVersion.questionnaire_id, Questionnaire)
within(Question, Question.version_id, QuestionnaireVersion)
