"""Saving respondents in bulk: two INSERT statements, not one per answer."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from ..extensions import db
from .importer import Respondent
from .models import AnswerTally, Response, ResponseAnswer, SurveyCycle


def store(cycle: SurveyCycle, respondents: Sequence[Respondent]) -> int:
    """Add the respondents to the cycle (within the caller's transaction)."""
    if not respondents:
        return 0
    # Core statements on the tables: the ORM's per-row bookkeeping is not needed
    # for rows nobody edits, and it would triple the time of a large import.
    connection = db.session.connection()
    ids = connection.execute(
        Response.__table__.insert().returning(Response.id, sort_by_parameter_order=True),
        [{"cycle_id": cycle.id, "answered_on": r.answered_on, "channel": r.channel,
          "language": r.language, **r.demographics} for r in respondents]).scalars().all()
    connection.execute(ResponseAnswer.__table__.insert(), [
        {"response_id": response_id, "cycle_id": cycle.id, "question_code": code,
         "answer": answer}
        for response_id, respondent in zip(ids, respondents, strict=True)
        for code, answer in respondent.answers.items()])
    retally(cycle.id)
    return len(ids)


def retally(cycle_id: int) -> None:
    """Recount the cycle's answers into ``AnswerTally``: one DELETE and one
    INSERT … SELECT … GROUP BY, inside the caller's transaction."""
    connection = db.session.connection()
    tally, answers = AnswerTally.__table__, ResponseAnswer.__table__
    connection.execute(tally.delete().where(tally.c.cycle_id == cycle_id))
    connection.execute(tally.insert().from_select(
        ["cycle_id", "question_code", "answer", "count"],
        sa.select(answers.c.cycle_id, answers.c.question_code, answers.c.answer,
                  sa.func.count()).where(answers.c.cycle_id == cycle_id)
        .group_by(answers.c.cycle_id, answers.c.question_code, answers.c.answer)))

