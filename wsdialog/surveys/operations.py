"""Writes of survey cycles: planning and changing cycles, uploads and imports,
the built-in survey's answers, and saving respondents in bulk (two INSERT
statements, not one per answer). Reads are in ``queries``.

Nothing stored says in which order respondents came: keys are random, and an
import's respondents are stored shuffled, so that no row of the provider's file
can be found again from the database."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import sqlalchemy as sa

from ..extensions import db
from ..models import utcnow
from .importer import Respondent
from .models import (
    UPLOAD_KEPT,
    AnswerTally,
    PendingImport,
    RespondentKey,
    Response,
    ResponseAnswer,
    SurveyCycle,
    random_key,
)

_shuffle = random.SystemRandom().shuffle


def store(cycle: SurveyCycle, respondents: Sequence[Respondent],
          batch_id: int | None = None) -> int:
    """Add the respondents to the cycle (within the caller's transaction)."""
    if not respondents:
        return 0
    lock_cycle(cycle)
    rows = list(respondents)
    _shuffle(rows)
    ids = [random_key() for _ in rows]
    # Core statements on the tables: the ORM's per-row bookkeeping is not needed
    # for rows nobody edits, and it would triple the time of a large import.
    connection = db.session.connection()
    connection.execute(Response.__table__.insert(), [
        {"id": response_id, "cycle_id": cycle.id, "batch_id": batch_id,
         "answered_on": r.answered_on, "channel": r.channel, "language": r.language,
         **r.demographics}
        for response_id, r in zip(ids, rows, strict=True)])
    answers = [{"response_id": response_id, "cycle_id": cycle.id, "question_code": code,
                "answer": answer}
               for response_id, respondent in zip(ids, rows, strict=True)
               for code, answer in respondent.answers.items()]
    if answers:  # respondents who skipped every question still count as respondents
        connection.execute(ResponseAnswer.__table__.insert(), answers)
        _add_to_tally(cycle.id, answers)
    return len(ids)


def upsert(table):
    """INSERT … ON CONFLICT for the database in use: several server processes
    write the same rows at the same moment."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _add_to_tally(cycle_id: int, answers: list[dict]) -> None:
    """Add the new answers to the cycle's tallies (a web answer adds one per
    question), instead of recounting every answer of the cycle."""
    added = Counter((a["question_code"], a["answer"]) for a in answers)
    tally = AnswerTally.__table__
    statement = upsert(tally)
    db.session.connection().execute(statement.on_conflict_do_update(
        index_elements=[tally.c.cycle_id, tally.c.question_code, tally.c.answer],
        set_={"count": tally.c.count + statement.excluded.count}),
        [{"cycle_id": cycle_id, "question_code": code, "answer": answer, "count": n}
         for (code, answer), n in added.items()])


def lock_cycle(cycle: SurveyCycle) -> None:
    """One writer of a cycle's respondents at a time, until commit (PostgreSQL: FOR
    NO KEY UPDATE, which does not clash with the key-share locks that inserting
    rows referring to the cycle takes). So two answers sent at the same moment
    neither recount the tallies over each other nor both pass the headcount.
    SQLite writes one at a time anyway."""
    db.session.execute(sa.select(SurveyCycle.id).where(SurveyCycle.id == cycle.id)
                       .with_for_update(key_share=True))


def remove_batch(cycle: SurveyCycle, batch_id: int) -> int:
    """Delete the respondents one import brought in (their answers go with them)."""
    lock_cycle(cycle)
    connection = db.session.connection()
    response = Response.__table__
    removed = connection.execute(response.delete().where(
        response.c.cycle_id == cycle.id, response.c.batch_id == batch_id)).rowcount
    answers = ResponseAnswer.__table__
    # SQLite only cascades with its foreign_keys pragma on; say it for every engine.
    connection.execute(answers.delete().where(
        answers.c.cycle_id == cycle.id,
        answers.c.response_id.not_in(sa.select(response.c.id).where(
            response.c.cycle_id == cycle.id))))
    connection.execute(RespondentKey.__table__.delete().where(
        RespondentKey.batch_id == batch_id))
    retally(cycle.id)
    return removed


def remember_keys(cycle: SurveyCycle, digests: set[str], batch_id: int) -> None:
    """Keep the digests of an import's keys, in their own order (sorted), which
    says nothing about the order of the file or of the stored respondents."""
    if digests:
        db.session.connection().execute(RespondentKey.__table__.insert(), [
            {"cycle_id": cycle.id, "digest": d, "batch_id": batch_id} for d in sorted(digests)])


def forget_keys(cycle: SurveyCycle) -> None:
    """At release the respondents are final: no more duplicates to catch."""
    db.session.execute(sa.delete(RespondentKey).where(RespondentKey.cycle_id == cycle.id))


def forget_stale_uploads() -> None:
    """Uploaded files never confirmed are deleted after ``UPLOAD_KEPT``."""
    db.session.execute(sa.delete(PendingImport).where(
        PendingImport.uploaded_at < utcnow() - UPLOAD_KEPT))


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
