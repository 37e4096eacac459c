"""Earlier results of a questionnaire, for the questionnaire linter (wired to the
editor in ``create_app``, see ``links.py``). Reads only."""

from __future__ import annotations

from ..extensions import db
from ..questionnaires.models import QuestionnaireVersion
from ..surveys.models import SurveyCycle
from ..tenancy import scoped
from .queries import cycle_cells


def positive_history(version: QuestionnaireVersion) -> dict[str, list[float]]:
    """Per question code, the positive share in each released cycle of this
    questionnaire (any version), oldest first. Through the anonymity rule like
    every figure: a withheld share is never used, and an open cycle never counts
    (one more answer could make a warning appear or vanish). Only released and
    closed cycles, whose respondents are final already: no read receipt needed."""
    cycles = list(db.session.scalars(
        scoped(SurveyCycle)
        .join(QuestionnaireVersion, SurveyCycle.version_id == QuestionnaireVersion.id)
        .where(QuestionnaireVersion.questionnaire_id == version.questionnaire_id,
               SurveyCycle.is_released, SurveyCycle.has_ended)
        .order_by(SurveyCycle.ends_on)))
    history: dict[str, list[float]] = {}
    for item in cycle_cells(cycles):
        for code, cell in item.cells.items():
            if not cell.suppressed:
                history.setdefault(code, []).append(cell.shares[0])
    return history
