"""Writes of questionnaires: create one, change a draft (through the models'
methods, which refuse to change a published version), publish, share, comment.
Each commits."""

from __future__ import annotations

from ..extensions import db
from ..models import Company, User
from .models import (
    Question,
    QuestionComment,
    Questionnaire,
    QuestionnaireVersion,
    QuestionText,
)
from .starter import REVIEWED, STARTER, STARTER_LABELS


def create_questionnaire(company_id: int | None, name: str, cite_standards: bool,
                         from_starter: bool) -> Questionnaire:
    """A new questionnaire with its first version as a draft: empty, or the
    starter questionnaire (its texts not reviewed where no person has). Of no
    company (``company_id`` None): an MSI template."""
    questionnaire = Questionnaire(company_id=company_id, name=name,
                                  cite_standards=cite_standards)
    version = QuestionnaireVersion(questionnaire=questionnaire, number=1)
    if from_starter:
        for position, (code, theme, negative, standard, texts) in enumerate(STARTER):
            version.questions.append(Question(
                position=position, code=code, theme=theme, negative=negative,
                standard_ref=standard, labels=dict(STARTER_LABELS.get(code, {})),
                texts=[QuestionText(locale=lang, text=text, needs_review=lang not in REVIEWED)
                       for lang, text in texts.items()]))
    db.session.add(questionnaire)
    db.session.commit()
    return questionnaire


def adopt_template(template_version: QuestionnaireVersion, company: Company, name: str,
                   cite_standards: bool) -> Questionnaire:
    """A member's own questionnaire from a published MSI template version."""
    questionnaire = Questionnaire.adopt(template_version, company, name, cite_standards)
    db.session.add(questionnaire)
    db.session.commit()
    return questionnaire


def add_question(version: QuestionnaireVersion, by: User, **fields) -> Question:
    """Add a question to the draft (``fields`` as ``Question.change`` takes them)."""
    question = Question()
    version.add_question(question)
    question.change(by=by, **fields)
    db.session.commit()
    return question


def change_question(question: Question, by: User, **fields) -> None:
    question.change(by=by, **fields)
    db.session.commit()


def remove_question(question: Question) -> None:
    question.version.remove_question(question)
    db.session.commit()


def mark_reviewed(version: QuestionnaireVersion, locale: str, by: User) -> None:
    version.mark_reviewed(locale, by)
    db.session.commit()


def revise_texts(version: QuestionnaireVersion, locale: str, texts: dict[int, str],
                 by: User) -> int:
    """A reviewer's corrections of the draft's texts in ``locale``; how many changed."""
    changed = version.revise_texts(locale, texts, by)
    db.session.commit()
    return changed


def publish(version: QuestionnaireVersion) -> list[str]:
    """Publish the draft; the languages it offers."""
    languages = version.publish()
    db.session.commit()
    return languages


def start_next_version(questionnaire: Questionnaire,
                       template_version: QuestionnaireVersion | None = None
                       ) -> QuestionnaireVersion:
    """The next draft: a copy of the latest version, or from a newer template version."""
    draft = questionnaire.start_next_version(template_version)
    db.session.commit()
    return draft


def cite_standards(questionnaire: Questionnaire, wanted: bool) -> None:
    """Whether the company wants a standard cited for each question."""
    questionnaire.cite_standards = wanted
    db.session.commit()


def share(version: QuestionnaireVersion, supplier_ids: set[int], by: User) -> None:
    version.share_with(supplier_ids, by)
    db.session.commit()


def comment(version: QuestionnaireVersion, **fields) -> None:
    """Record a comment on the draft (``QuestionComment``'s columns)."""
    version.add_comment(QuestionComment(**fields))
    db.session.commit()
