"""Questionnaires: versioned, with questions and their texts in every survey language.

A published version never changes; editing creates the next version. Results stay
comparable across versions through the question codes.

Before publishing, the brand may open a draft to some of its suppliers for
comments (``DraftShare``), and record what a worker representative or union it
consulted said: in the pilot, suppliers and workers had no say in the questions.

An MSI template is a questionnaire of no company: the coordinator writes and
publishes its versions, and a member adopts one as the first version of a
questionnaire of its own, which remembers the template version it came from.
A template question keeps its code, theme and negative answer in the member's
versions, so that the MSI can compare members' results question by question
(the sector benchmark); the member may add questions of its own, word the texts
for its workers, and start its next version from a newer template version.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..models import Company, Role, StateError, Supplier, SupplierRelationship, User, utcnow
from ..tenancy import rule, scoped, within
from ..text import N_
from .starter import SURVEY_LANGUAGES


def _copy(question: Question) -> Question:
    """A copy of ``question`` with its texts (and who reviewed them), for another version."""
    return Question(
        position=question.position, code=question.code, theme=question.theme,
        negative=question.negative, standard_ref=question.standard_ref,
        labels=dict(question.labels or {}),
        texts=[QuestionText(locale=t.locale, text=t.text, needs_review=t.needs_review,
                            reviewed_by=t.reviewed_by, reviewed_at=t.reviewed_at)
               for t in question.texts])


class Questionnaire(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: The member company that owns it; None for an MSI template (the coordinator's).
    company_id: Mapped[int | None] = mapped_column(sa.ForeignKey("company.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The company wants every question based on a standard: the linter warns
    #: about a question that cites none.
    cite_standards: Mapped[bool] = mapped_column(default=False)

    company: Mapped[Company | None] = relationship()
    versions: Mapped[list[QuestionnaireVersion]] = relationship(
        back_populates="questionnaire", order_by="QuestionnaireVersion.number",
        cascade="all, delete-orphan")

    @property
    def is_template(self) -> bool:
        """An MSI template: the coordinator's, for members to adopt."""
        return self.company_id is None and self.company is None

    @property
    def latest(self) -> QuestionnaireVersion:
        return self.versions[-1]

    @property
    def latest_published(self) -> QuestionnaireVersion | None:
        return next((v for v in reversed(self.versions) if v.is_published), None)

    @classmethod
    def adopt(cls, template_version: QuestionnaireVersion, company: Company, name: str,
              cite_standards: bool = False) -> Questionnaire:
        """A new questionnaire of ``company`` whose first version, a draft, copies
        the questions of a published template version and remembers it.
        ``StateError("not_a_template")`` for anything else."""
        if not (template_version.questionnaire.is_template and template_version.is_published):
            raise StateError("not_a_template")
        questionnaire = cls(company=company, name=name, cite_standards=cite_standards)
        draft = QuestionnaireVersion(number=1, template_version=template_version)
        questionnaire.versions.append(draft)
        draft.questions.extend(_copy(q) for q in template_version.questions)
        return questionnaire

    @property
    def template_update(self) -> QuestionnaireVersion | None:
        """The newest published version of the template the latest version came
        from, when it is newer than that one (None otherwise)."""
        current = self.latest.template_version
        if current is None:
            return None
        newest = current.questionnaire.latest_published
        return newest if newest is not None and newest.number > current.number else None

    def start_next_version(self, template_version: QuestionnaireVersion | None = None
                           ) -> QuestionnaireVersion:
        """The next version, a draft copy of the latest one, which must be
        published (else ``StateError("draft")``: there is a draft to change).

        From ``template_version`` (a newer published version of the template the
        latest came from, else ``StateError("not_newer")``): the template's
        questions, each with the member's texts in languages the template lacks,
        then the member's own questions (those not from the template)."""
        latest = self.latest
        if not latest.is_published:
            raise StateError("draft")
        if template_version is not None and template_version is not self.template_update:
            raise StateError("not_newer")
        draft = QuestionnaireVersion(number=latest.number + 1,
                                     template_version=template_version or latest.template_version)
        self.versions.append(draft)
        if template_version is None:
            draft.questions.extend(_copy(q) for q in latest.questions)
            return draft
        ours = {q.code: q for q in latest.questions}
        for question in template_version.questions:
            copy = _copy(question)
            own = ours.get(question.code)
            present = {t.locale for t in copy.texts}
            if own is not None:
                copy.texts.extend(QuestionText(
                    locale=t.locale, text=t.text, needs_review=t.needs_review,
                    reviewed_by=t.reviewed_by, reviewed_at=t.reviewed_at)
                    for t in own.texts if t.locale not in present)
            draft.questions.append(copy)
        for question in latest.questions:
            if question.code not in template_version.codes \
                    and latest.template_question(question.code) is None:
                draft.questions.append(_copy(question))
        for position, question in enumerate(draft.questions):
            question.position = position
        return draft


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
    #: The MSI template version this member's version came from (its questions
    #: keep their codes, themes and negative answers); None for the member's own.
    template_version_id: Mapped[int | None] = mapped_column(
        # Named here: the conventional name would pass PostgreSQL's 63 characters.
        sa.ForeignKey("questionnaire_version.id", name="fk_questionnaire_version_template_version"),
        index=True)

    questionnaire: Mapped[Questionnaire] = relationship(back_populates="versions")
    template_version: Mapped[QuestionnaireVersion | None] = relationship(
        remote_side="QuestionnaireVersion.id")
    # Questions and their texts come together (two queries, "selectin"): every page
    # that shows questions shows their texts, and one query per text is what made
    # the results page and the survey slow.
    questions: Mapped[list[Question]] = relationship(
        back_populates="version", order_by="Question.position", cascade="all, delete-orphan",
        lazy="selectin")
    shares: Mapped[list[DraftShare]] = relationship(
        back_populates="version", cascade="all, delete-orphan")
    comments: Mapped[list[QuestionComment]] = relationship(
        back_populates="version", order_by="QuestionComment.created_at",
        cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<QuestionnaireVersion {self.questionnaire_id}.{self.number}>"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def codes(self) -> list[str]:
        return [q.code for q in self.questions]

    def text_languages(self) -> list[str]:
        """The survey languages any of its questions has a text in, in the survey
        languages' order."""
        present = {t.locale for q in self.questions for t in q.texts}
        return [lang for lang in SURVEY_LANGUAGES if lang in present]

    def reviewed_languages(self) -> list[str]:
        """Languages in which every question has a text a person has reviewed."""
        if not self.questions:
            return []
        per_question = [{t.locale for t in q.texts if t.reviewed} for q in self.questions]
        return sorted(set.intersection(*per_question))

    def label_of(self, code: str, locale: str) -> str:
        """The short label of the question with ``code`` (the code itself for a
        question no longer in this version)."""
        return next((q.label(locale) for q in self.questions if q.code == code), code)

    def texts(self, locale: str) -> dict[str, str]:
        """Each question's text in ``locale`` (or English), by code."""
        return {q.code: q.text(locale) for q in self.questions}

    def offered(self, languages) -> list[str]:
        """Of ``languages``, those this version may be answered in."""
        return [lang for lang in languages if lang in (self.languages or [])]

    def template_question(self, code: str | None) -> Question | None:
        """The question with ``code`` of the template version this one came from."""
        if self.template_version is None or not code:
            return None
        return next((q for q in self.template_version.questions if q.code == code), None)

    def refuse_template_change(self, question: Question, code: str, theme: str,
                               negative: str) -> None:
        """``StateError("template_code")`` when ``question`` comes from the template
        and would change its code; ``StateError("template_question")`` when a
        question with a template code would differ from it in theme or negative
        answer: the MSI compares members' results by these codes."""
        if self.template_question(question.code) is not None and code != question.code:
            raise StateError("template_code")
        fixed = self.template_question(code)
        if fixed is not None and (theme, negative) != (fixed.theme, fixed.negative):
            raise StateError("template_question")

    # --- changes, only to a draft: a published version never changes ---------------

    def _refuse_if_published(self) -> None:
        if self.is_published:
            raise StateError("published")

    def add_question(self, question: Question) -> None:
        """Add ``question`` at the end of the draft."""
        self._refuse_if_published()
        question.position = len(self.questions)
        self.questions.append(question)

    def remove_question(self, question: Question) -> None:
        """Remove ``question`` from the draft, closing the gap in the positions."""
        self._refuse_if_published()
        self.questions.remove(question)
        for position, remaining in enumerate(self.questions):
            remaining.position = position

    def mark_reviewed(self, locale: str, by: User) -> None:
        """Every text of the draft in ``locale`` is reviewed by ``by``, who has read
        them (a fluent speaker, or with one)."""
        self._refuse_if_published()
        for question in self.questions:
            for text in question.texts:
                if text.locale == locale:
                    text.needs_review = False
                    text.reviewed_by, text.reviewed_at = by, utcnow()

    def revise_texts(self, locale: str, texts: dict[int, str], by: User) -> int:
        """Set the text in ``locale`` of each question (by id) given: a changed or
        new text is written, so reviewed, by ``by``; an empty one is left as it
        is. Only in a draft (``StateError("published")``). How many changed."""
        self._refuse_if_published()
        changed = 0
        for question in self.questions:
            text = (texts.get(question.id) or "").strip()
            current = next((t for t in question.texts if t.locale == locale), None)
            if not text or (current is not None and current.text == text):
                continue
            if current is None:
                question.texts.append(QuestionText(locale=locale, text=text))
                current = question.texts[-1]
            current.text, current.needs_review = text, False
            current.reviewed_by, current.reviewed_at = by, utcnow()
            changed += 1
        return changed

    def publish(self) -> list[str]:
        """Publish the draft in the languages a person reviewed (returned); from
        then on it never changes. ``StateError``: "published", "no_questions", or
        "not_reviewed" (workers only see texts a person has reviewed)."""
        self._refuse_if_published()
        languages = self.reviewed_languages()
        if not self.questions:
            raise StateError("no_questions")
        if not languages:
            raise StateError("not_reviewed")
        self.published_at = utcnow()
        self.languages = languages
        return languages

    def share_with(self, supplier_ids: set[int], by: User) -> None:
        """Open the draft to exactly these suppliers for comments: one left out no
        longer sees it (its comments stay)."""
        self._refuse_if_published()
        for share in list(self.shares):
            if share.supplier_id not in supplier_ids:
                self.shares.remove(share)
        for supplier_id in supplier_ids - {share.supplier_id for share in self.shares}:
            self.shares.append(DraftShare(supplier_id=supplier_id, shared_by=by))

    def add_comment(self, comment: QuestionComment) -> None:
        """Comments are taken on a draft only."""
        self._refuse_if_published()
        self.comments.append(comment)


#: Why a draft cannot be published (``QuestionnaireVersion.publish``), as the
#: user reads it (translate with ``_()``).
PUBLISH_REFUSALS: dict[str, str] = {
    "no_questions": N_("Add at least one question before publishing."),
    "not_reviewed": N_("Workers only see texts a person has reviewed. Read the texts of at least "
                       "one language and mark them as reviewed, then publish."),
}


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
    #: A short label per interface language ({"en": "Paid on time"}), for table
    #: headers and selectors; the full text goes in the tooltip.
    labels: Mapped[dict | None] = mapped_column(sa.JSON, default=dict)

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="questions")
    texts: Mapped[list[QuestionText]] = relationship(
        back_populates="question", cascade="all, delete-orphan", lazy="selectin")

    def text(self, locale: str) -> str:
        by_locale = {t.locale: t.text for t in self.texts}
        return by_locale.get(locale) or by_locale.get("en") or self.code

    def label(self, locale: str) -> str:
        """The short label in ``locale`` (or English); without one, the text cut
        at a word to about ``LABEL_LENGTH`` characters."""
        labels = self.labels or {}
        return labels.get(locale) or labels.get("en") or shorten(self.text(locale))

    def change(self, code: str, theme: str, negative: str, standard_ref: str,
               texts: dict[str, str], by: User, labels: dict[str, str] | None = None) -> None:
        """Set the question's fields, its text in each language of ``texts`` ("" removes
        one) and its short ``labels`` when given; a text ``by`` wrote counts as
        reviewed by them. Only in a draft (else ``StateError("published")``); a
        question from the MSI template keeps its code, theme and negative answer
        (``QuestionnaireVersion.refuse_template_change``)."""
        if self.version is not None:
            self.version._refuse_if_published()
            self.version.refuse_template_change(self, code, theme, negative)
        self.code, self.theme, self.negative = code, theme, negative
        self.standard_ref = standard_ref
        if labels is not None:
            self.labels = {lang: label for lang, label in labels.items() if label}
        existing = {t.locale: t for t in self.texts}
        for lang, text in texts.items():
            current = existing.get(lang)
            if text and current is None:
                self.texts.append(QuestionText(locale=lang, text=text, needs_review=False,
                                               reviewed_by=by, reviewed_at=utcnow()))
            elif text and current.text != text:  # a person wrote it: reviewed by them
                current.text, current.needs_review = text, False
                current.reviewed_by, current.reviewed_at = by, utcnow()
            elif not text and current is not None:
                self.texts.remove(current)


#: The longest short label, and how long a text cut to make one may be.
LABEL_LENGTH = 40


def shorten(text: str, length: int = LABEL_LENGTH) -> str:
    """``text`` cut at a word to at most ``length`` characters, with "…"."""
    if len(text) <= length:
        return text
    cut = text[:length - 1].rsplit(" ", 1)[0] if " " in text[:length - 1] else text[:length - 1]
    return cut.rstrip(" ,;:") + "…"


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


class DraftShare(db.Model):
    """A draft opened by the brand to one of its suppliers, whose people may then
    read it and comment on its questions. The supplier keeps seeing the version
    and its own comments once it is published, so it sees what came of them."""

    __tablename__ = "draft_share"
    __table_args__ = (sa.UniqueConstraint("version_id", "supplier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_version.id", ondelete="CASCADE"), index=True)
    supplier_id: Mapped[int] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    shared_by_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    shared_at: Mapped[datetime] = mapped_column(default=utcnow)

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="shares")
    supplier: Mapped[Supplier] = relationship()
    shared_by: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<DraftShare version={self.version_id} supplier={self.supplier_id}>"


#: Who a comment comes from: a supplier's own people, or a worker representative
#: or union the brand consulted (recorded by brand staff).
COMMENT_SOURCES: dict[str, str] = {
    "supplier": N_("Supplier"),
    "worker_rep": N_("Worker representative"),
    "union": N_("Trade union"),
}


class QuestionComment(db.Model):
    """A comment on a question of a draft (or on the draft as a whole). Kept by
    question code, so it survives the question's removal and stays readable in
    the version's history."""

    __tablename__ = "question_comment"
    __table_args__ = (
        sa.CheckConstraint("source IN ('supplier', 'worker_rep', 'union')",
                           name="comment_source"),
        # A supplier's comment names its supplier; a consulted one names who was
        # consulted and belongs to no supplier.
        sa.CheckConstraint("(source = 'supplier' AND supplier_id IS NOT NULL) OR "
                           "(source != 'supplier' AND supplier_id IS NULL "
                           "AND consulted != '')", name="comment_origin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_version.id", ondelete="CASCADE"), index=True)
    #: The question's code; "" for the draft as a whole.
    question_code: Mapped[str] = mapped_column(sa.String(40), default="")
    #: A key of ``COMMENT_SOURCES``.
    source: Mapped[str] = mapped_column(sa.String(20))
    #: For a supplier's comment: the supplier whose person wrote it.
    supplier_id: Mapped[int | None] = mapped_column(sa.ForeignKey("supplier.id"), index=True)
    #: For a consulted worker representative or union: whom the brand consulted
    #: (an organisation rather than a person where naming one could endanger them).
    consulted: Mapped[str] = mapped_column(sa.String(160), default="")
    text: Mapped[str] = mapped_column(sa.String(2000))
    #: Who typed it: a supplier's person, or the brand staff who recorded it.
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    version: Mapped[QuestionnaireVersion] = relationship(back_populates="comments")
    supplier: Mapped[Supplier | None] = relationship()
    author: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<QuestionComment {self.source} on {self.question_code or '*'}>"


# --- tenancy ---------------------------------------------------------------------

@rule(Questionnaire)
def _questionnaire(user: User):
    # A reviewer sees the names of its company's questionnaires, to find the texts.
    if user.role in (Role.brand, Role.reviewer):
        return Questionnaire.company_id == user.company_id
    if user.role is Role.coordinator:  # the MSI's templates, and nothing of a member's
        return Questionnaire.company_id.is_(None)
    return sa.false()


@rule(QuestionnaireVersion)
def _version(user: User):
    # Members read published templates through ``queries.published_templates``,
    # never through this rule: no page of theirs may change a template.
    of_company = QuestionnaireVersion.questionnaire_id.in_(
        scoped(Questionnaire, user).with_only_columns(Questionnaire.id))
    if user.role in (Role.brand, Role.coordinator):
        return of_company
    if user.role is Role.reviewer:  # only the drafts: the texts still to review
        return sa.and_(of_company, QuestionnaireVersion.published_at.is_(None))
    return sa.false()


within(Question, Question.version_id, QuestionnaireVersion,
       roles=(Role.brand, Role.reviewer, Role.coordinator))


@rule(DraftShare)
def _draft_share(user: User):
    """The brand sees the shares of its own versions; a supplier's people see the
    shares to their own supplier, while the brand still works with it."""
    if user.role is Role.brand:
        return DraftShare.version_id.in_(
            scoped(QuestionnaireVersion, user).with_only_columns(QuestionnaireVersion.id))
    if user.role is Role.supplier:
        of_its_brands = (
            sa.select(QuestionnaireVersion.id)
            .join(Questionnaire, QuestionnaireVersion.questionnaire_id == Questionnaire.id)
            .join(SupplierRelationship,
                  SupplierRelationship.company_id == Questionnaire.company_id)
            .where(SupplierRelationship.supplier_id == user.supplier_id))
        return sa.and_(DraftShare.supplier_id == user.supplier_id,
                       DraftShare.version_id.in_(of_its_brands))
    return sa.false()


@rule(QuestionComment)
def _question_comment(user: User):
    """The brand sees every comment on its versions; a supplier's people only their
    own supplier's, on versions shared with it (never what a worker representative
    said, nor another supplier's comments)."""
    if user.role is Role.brand:
        return QuestionComment.version_id.in_(
            scoped(QuestionnaireVersion, user).with_only_columns(QuestionnaireVersion.id))
    if user.role is Role.supplier:
        return sa.and_(
            QuestionComment.supplier_id == user.supplier_id,
            QuestionComment.version_id.in_(
                scoped(DraftShare, user).with_only_columns(DraftShare.version_id)))
    return sa.false()
