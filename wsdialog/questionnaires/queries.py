"""Reads of questionnaires that are not one company's: the MSI's published
templates. Reads only."""

from __future__ import annotations

import sqlalchemy as sa

from ..extensions import db
from .models import Questionnaire, QuestionnaireVersion


def published_templates() -> list[QuestionnaireVersion]:
    """The newest published version of each MSI template, by template name. Read
    by key, not scoped: a published template is the MSI's offer to every member
    (its drafts stay the coordinator's)."""
    templates = db.session.scalars(
        sa.select(Questionnaire).where(Questionnaire.company_id.is_(None))
        .order_by(Questionnaire.name, Questionnaire.id))
    return [t.latest_published for t in templates if t.latest_published is not None]


def published_template_version(version_id) -> QuestionnaireVersion | None:
    """One of ``published_templates`` by id (None for anything else)."""
    return next((v for v in published_templates() if str(v.id) == str(version_id)), None)
