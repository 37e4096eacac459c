"""Retention: the respondents' rows of old cycles are deleted, and exactly what
the pages show of them is kept as counts (``flask retention``).

A cycle is due when its results were released (its respondents are final) and
its window ended more than the retention period ago (the ``RETENTION_YEARS``
setting, by default ``config.DEFAULT_RETENTION_YEARS``). Before its rows go, the
counts every page reads are kept: the answers per question (``AnswerTally``, kept
current all along), the respondents per group of each demographic dimension
(``GroupTally``: summed over one dimension, the cycle's respondents) and the
answers per group (``GroupAnswerTally``). From then on the figures are read from
those, and every dashboard, trend, export and poster stays the same, to the byte.
So the figures kept in memory by a running server (``results/kept.py``) stay
right too: nothing they were computed from has changed.

What goes: each respondent's demographics, answers, channel, language and day;
the digests of providers' respondent keys, of access codes and of sent survey
forms. What stays: the cycle, its imports' records (file name, who, when, how
many), its alerts, and the counts above. Which web answers were identical can no
longer be told (the cycle page then shows no such warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from .. import audit
from ..extensions import db
from .models import (
    NOT_STATED,
    AccessCode,
    GroupAnswerTally,
    GroupTally,
    HeldResponse,
    RespondentKey,
    Response,
    ResponseAnswer,
    SurveyCycle,
    UsedFormToken,
)
from .operations import lock_cycle
from .respondents import DEMOGRAPHICS


def cutoff(day: date, years: int) -> date:
    """The same day ``years`` years before ``day`` (from 29 February: the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def due(day: date, years: int) -> list[SurveyCycle]:
    """Released cycles whose window ended more than ``years`` before ``day`` and
    whose respondents' rows are still stored, oldest first. Every company's:
    retention is the instance's rule, not a page's."""
    return list(db.session.scalars(sa.select(SurveyCycle).where(
        SurveyCycle.is_released, SurveyCycle.ends_on < cutoff(day, years),
        SurveyCycle.respondents_deleted_on.is_(None))
        .order_by(SurveyCycle.ends_on, SurveyCycle.id)))


@dataclass(frozen=True)
class Deleted:
    """What was (or, in a dry run, would be) deleted of one cycle."""

    cycle_id: int
    respondents: int
    answers: int
    #: Digests of respondent keys, access codes and sent forms, and held answers.
    other: int


def stored(cycle: SurveyCycle) -> Deleted:
    """The respondent-level rows the cycle holds now."""

    def count(model) -> int:
        return db.session.scalar(sa.select(sa.func.count()).select_from(model)
                                 .where(model.cycle_id == cycle.id)) or 0

    return Deleted(cycle.id, count(Response), count(ResponseAnswer),
                   sum(count(m) for m in (RespondentKey, AccessCode, UsedFormToken,
                                          HeldResponse)))


def retain(cycle: SurveyCycle, day: date) -> Deleted | None:
    """Keep the cycle's group counts, delete its respondent-level rows and mark
    it, within the caller's transaction (commit one cycle at a time). None when
    another run did it first."""
    lock_cycle(cycle)
    if db.session.scalar(sa.select(SurveyCycle.respondents_deleted_on).where(
            SurveyCycle.id == cycle.id)) is not None:
        return None
    found = stored(cycle)
    connection = db.session.connection()
    response, answers = Response.__table__, ResponseAnswer.__table__
    # Written into the statement, not bound: PostgreSQL groups by an expression
    # only when the select list has the very same one.
    not_stated = sa.literal_column(f"'{NOT_STATED}'")
    for dimension in DEMOGRAPHICS:
        group = sa.func.coalesce(response.c[dimension], not_stated)
        # The same grouping the figures use on the rows (results/queries.py), so
        # that reading these counts gives the same figures.
        connection.execute(GroupTally.__table__.insert().from_select(
            ["cycle_id", "dimension", "group_value", "respondents"],
            sa.select(response.c.cycle_id, sa.literal(dimension), group, sa.func.count())
            .where(response.c.cycle_id == cycle.id)
            .group_by(response.c.cycle_id, group)))
        connection.execute(GroupAnswerTally.__table__.insert().from_select(
            ["cycle_id", "dimension", "group_value", "question_code", "answer", "count"],
            sa.select(answers.c.cycle_id, sa.literal(dimension), group,
                      answers.c.question_code, answers.c.answer, sa.func.count())
            .join(response, response.c.id == answers.c.response_id)
            .where(answers.c.cycle_id == cycle.id)
            .group_by(answers.c.cycle_id, group, answers.c.question_code,
                      answers.c.answer)))
    # Answers first: SQLite only cascades with its foreign_keys pragma on.
    for model in (ResponseAnswer, Response, RespondentKey, AccessCode, UsedFormToken,
                  HeldResponse):
        connection.execute(model.__table__.delete().where(
            model.__table__.c.cycle_id == cycle.id))
    cycle.respondents_deleted_on = day
    return found


def delete_due(day: date, years: int, on_deleted=None) -> list[Deleted]:
    """``retain`` every cycle due, one transaction each (an error rolls back that
    cycle alone), recorded in the audit trail; ``on_deleted(cycle, deleted)``
    after each. A cycle another run did first is skipped: running it twice
    deletes nothing the second time."""
    done_all = []
    for cycle in due(day, years):
        done = retain(cycle, day)
        if done is None:
            db.session.rollback()
            continue
        audit.record("respondents_deleted", company_id=cycle.company_id,
                     target=f"cycle {cycle.id}", note=f"{done.respondents} respondents")
        db.session.commit()
        if on_deleted is not None:
            on_deleted(cycle, done)
        done_all.append(done)
    return done_all
