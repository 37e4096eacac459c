"""What the results pages read: answers counted in SQL, who may see figures and
when, the whole-cycle cells after the anonymity rule, the latest cycle per site.
Reads only: nothing here adds, flushes or commits.

Answer figures are read only of cycles whose respondents are final. A page that
shows figures first records which cycles they come from
(``operations.record_figures_shown``: the cycle it is about, and the one it is
compared with), then reads; a page that forgets fails here (``NotRecorded``)
instead of showing figures a late import could still change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..idlists import one_of
from ..questionnaires.answers import Answer
from ..questionnaires.models import QuestionnaireVersion
from ..surveys.models import (
    NOT_STATED,
    AnswerTally,
    GroupAnswerTally,
    GroupTally,
    ImportBatch,
    Response,
    ResponseAnswer,
    SurveyCycle,
    respondent_counts,
)
from ..tenancy import scoped
from . import anonymity
from .kept import KEPT_FIGURES, final_key, kept_for
from .models import (
    DEFAULT_SHARING_REMINDER_DAYS,
    ProviderDoubt,
    ResultsAccess,
    ResultsSettings,
    WorkerSharing,
)
from .settings import cycle_settings

# --- answers counted ---------------------------------------------------------------


class NotRecorded(RuntimeError):
    """A bug: figures of a cycle were read before the page recorded that they are
    shown, so an import or removal could still change what was seen."""


def _final_only(cycles) -> None:
    """Refuse to read answer figures of a cycle whose respondents may still change."""
    for cycle in cycles:
        if not cycle.respondents_final:
            raise NotRecorded(f"cycle {cycle.id}: record_figures_shown before reading")


def counts_from_rows(rows, negative: dict[str, str]) -> dict[str, anonymity.Counts]:
    """(code, answer, count) rows into positive / don't know / negative counts."""
    tally: dict[str, list[int]] = {}
    for code, answer, n in rows:
        if code not in negative:
            continue
        bucket = tally.setdefault(code, [0, 0, 0])
        if answer is Answer.dont_know:
            bucket[1] += n
        elif answer.value == negative[code]:
            bucket[2] += n
        else:
            bucket[0] += n
    return {code: anonymity.Counts(*tally.get(code, (0, 0, 0))) for code in negative}


def counts_by_group(cycle: SurveyCycle, dimension: str) -> dict[str | None, dict]:
    """Counts per question for every group of one dimension, "not stated" (None)
    included: the whole partition, which the anonymity rule needs."""
    _final_only([cycle])
    return kept_for(cycle, ("groups", dimension), lambda: _counts_by_group(cycle, dimension))


def _counts_by_group(cycle: SurveyCycle, dimension: str) -> dict[str | None, dict]:
    negative = {q.code: q.negative for q in cycle.version.questions}
    rows: dict[str | None, list] = {}
    for group, code, answer, n in _group_answers(cycle, dimension):
        rows.setdefault(group, []).append((code, answer, n))
    return {group: counts_from_rows(found, negative) for group, found in rows.items()}


def _group(value: str | None) -> str | None:
    """A group as kept in the group tallies, as the respondents' rows say it."""
    return None if value == NOT_STATED else value


def _group_answers(cycle: SurveyCycle, dimension: str) -> list[tuple]:
    """(group, code, answer, count) for every group with answers: from the
    respondents' rows, or from the counts kept when they were deleted (retention)."""
    if cycle.respondents_deleted_on is not None:
        kept = GroupAnswerTally
        return [(_group(group), code, answer, n) for group, code, answer, n in db.session.execute(
            sa.select(kept.group_value, kept.question_code, kept.answer, kept.count)
            .where(kept.cycle_id == cycle.id, kept.dimension == dimension))]
    column = getattr(Response, dimension)
    return list(db.session.execute(
        sa.select(column, ResponseAnswer.question_code, ResponseAnswer.answer,
                  sa.func.count())
        .join(Response, Response.id == ResponseAnswer.response_id)
        .where(ResponseAnswer.cycle_id == cycle.id)
        .group_by(column, ResponseAnswer.question_code, ResponseAnswer.answer)))


def took_files(cycle: SurveyCycle) -> bool:
    """Whether some of the cycle's answers came from a provider's file (the cycle
    reached through a scoped query), whose columns may say more about a worker
    than the built-in survey asks: a migrant contract. The imports' records stay
    when the respondents' rows go."""
    return bool(db.session.scalar(sa.select(sa.exists().where(
        ImportBatch.cycle_id == cycle.id, ImportBatch.removed_at.is_(None)))))


def group_sizes(cycle: SurveyCycle, dimension: str) -> dict[str | None, int]:
    """Respondents per group of one dimension, "not stated" (None) included (the
    cycle reached through a scoped query): from the respondents' rows, or from
    the counts kept when they were deleted."""
    _final_only([cycle])
    if cycle.respondents_deleted_on is not None:
        return {_group(group): n for group, n in db.session.execute(
            scoped(GroupTally).with_only_columns(GroupTally.group_value, GroupTally.respondents)
            .where(GroupTally.cycle_id == cycle.id, GroupTally.dimension == dimension))}
    column = getattr(Response, dimension)
    return dict(db.session.execute(
        scoped(Response).with_only_columns(column, sa.func.count())
        .where(Response.cycle_id == cycle.id).group_by(column)).all())


def tallies_for(cycles: list[SurveyCycle]) -> dict[int, dict[str, anonymity.Counts]]:
    """Whole-cycle counts for many cycles in one query on the tallies."""
    by_cycle: dict[int, list] = {c.id: [] for c in cycles}
    if cycles:
        for cycle_id, code, answer, n in db.session.execute(
                sa.select(AnswerTally.cycle_id, AnswerTally.question_code, AnswerTally.answer,
                          AnswerTally.count)
                .where(one_of(AnswerTally.cycle_id, by_cycle))):
            by_cycle[cycle_id].append((code, answer, n))
    return {c.id: counts_from_rows(by_cycle[c.id],
                                   {q.code: q.negative for q in c.version.questions})
            for c in cycles}


def whole_cycle_figures(cycles: list[SurveyCycle], count=respondent_counts
                        ) -> dict[int, tuple[dict[str, anonymity.Counts], int]]:
    """(counts per question, respondents) of each whole cycle: released ones from
    memory after the first time, the others in two queries. The cycles must
    have been reached through a scoped query (respondents are counted scoped, by
    ``count``), and their respondents be final (see the top of this module)."""
    _final_only(cycles)
    found: dict[int, tuple] = {}
    missing = []
    for cycle in cycles:
        key = final_key(cycle)
        hit = KEPT_FIGURES.get(key + ("whole",)) if key else None
        if hit is None:
            missing.append(cycle)
        else:
            found[cycle.id] = hit
    if missing:
        counts_by = tallies_for(missing)
        people = count(c.id for c in missing)
        for cycle in missing:
            found[cycle.id] = (counts_by[cycle.id], people.get(cycle.id, 0))
            key = final_key(cycle)
            if key:
                KEPT_FIGURES.put(key + ("whole",), found[cycle.id])
    return found


# --- who sees figures, and when --------------------------------------------------


def access_of(cycle: SurveyCycle) -> ResultsAccess | None:
    """When the cycle's supplier first opened the results and said it reviewed them."""
    return db.session.scalar(scoped(ResultsAccess).where(
        ResultsAccess.cycle_id == cycle.id,
        ResultsAccess.supplier_id == cycle.site.supplier_id))


def figures_visible(user) -> sa.ColumnElement[bool]:
    """SQL: the cycles whose answer figures ``user`` may see. Nobody while the
    survey is open (one more answer between two looks would give it away);
    brand staff once it has closed, to check; supplier users once released."""
    if user.is_brand:
        return SurveyCycle.has_ended
    return sa.and_(SurveyCycle.has_ended, SurveyCycle.is_released)


def has_results() -> sa.ColumnElement[bool]:
    """SQL: the cycle has answers (a closed cycle nobody answered has no results)."""
    return sa.exists().where(AnswerTally.cycle_id == SurveyCycle.id)


def figures_to_show(user) -> sa.ColumnElement[bool]:
    """SQL: the cycles a page shows ``user`` figures of: visible, and answered. A
    closed cycle nobody answered yet (a provider's file still to come) is left out,
    so that a look elsewhere does not make it final before its file is imported."""
    return sa.and_(figures_visible(user), has_results())


def may_see_figures(cycle: SurveyCycle, user) -> bool:
    """``figures_visible`` for one cycle."""
    return bool(cycle.has_ended and (user.is_brand or cycle.is_released))


# --- whole-cycle cells, after the anonymity rule -------------------------------------


@dataclass
class CycleCells:
    cycle: SurveyCycle
    respondents: int
    cells: dict[str, anonymity.Cell]
    cells_k: int  # the threshold the cells are under

    @property
    def rate(self) -> float:
        return self.respondents / self.cycle.headcount


def cells_of(cycle: SurveyCycle, figures: tuple, k: int) -> dict[str, anonymity.Cell]:
    """Whole-cycle cells under threshold ``k`` (a copy: callers may change it)."""
    return dict(kept_for(cycle, ("cells", k), lambda: anonymity.table(
        figures[0], figures[1], k, cycle.figure_seed)))


def cycle_cells(cycles: list[SurveyCycle], count=respondent_counts) -> list[CycleCells]:
    """Whole-cycle cells, through the anonymity rule, for each cycle: each with
    the threshold it is read under (``cycle_settings``). A read: the route that shows them
    records the receipt (``operations.record_figures_shown``) first. ``count``
    counts the respondents (``surveys.models.released_respondent_counts`` for
    released cycles across members)."""
    figures = whole_cycle_figures(cycles, count)
    settings = cycle_settings(cycles)
    return [CycleCells(c, figures[c.id][1], cells_of(c, figures[c.id], settings[c.id][1]),
                       settings[c.id][1])
            for c in cycles]


# --- across cycles and sites -----------------------------------------------------


def question_texts(cycles: list[SurveyCycle], locale: str) -> dict[str, tuple[str, str]]:
    """Each question's (short label, full text) in ``locale``, by code, from the
    newest cycle that has it."""
    return version_texts(_versions(sorted(cycles, key=lambda c: c.starts_on, reverse=True)),
                         locale)


def version_texts(versions: list[QuestionnaireVersion], locale: str
                  ) -> dict[str, tuple[str, str]]:
    """Each question's (short label, full text) in ``locale``, by code, from the
    first of ``versions`` that has it."""
    texts: dict[str, tuple[str, str]] = {}
    for version in versions:
        for question in version.questions:
            texts.setdefault(question.code, (question.label(locale), question.text(locale)))
    return texts


def codes_in_order(cycles: list[SurveyCycle]) -> list[tuple[str, str]]:
    """(code, theme) of every question in these cycles, first seen first."""
    return version_codes(_versions(cycles))


def version_codes(versions: list[QuestionnaireVersion]) -> list[tuple[str, str]]:
    """(code, theme) of every question in these versions, first seen first."""
    seen: dict[str, str] = {}
    for version in versions:
        for question in version.questions:
            seen.setdefault(question.code, question.theme)
    return list(seen.items())


def _versions(cycles: list[SurveyCycle]) -> list[QuestionnaireVersion]:
    """The cycles' questionnaire versions, each once, in the cycles' order (a
    hundred sites usually share a handful)."""
    return list({cycle.version_id: cycle.version for cycle in cycles}.values())


# --- results shared with workers --------------------------------------------------


def sharings_of(cycle_ids) -> dict[int, list[WorkerSharing]]:
    """The records of sharing results with workers, per cycle, oldest first."""
    ids = list(cycle_ids)
    by_cycle: dict[int, list[WorkerSharing]] = {cycle_id: [] for cycle_id in ids}
    if ids:
        for sharing in db.session.scalars(scoped(WorkerSharing).where(
                one_of(WorkerSharing.cycle_id, ids)).options(joinedload(WorkerSharing.recorded_by))
                .order_by(WorkerSharing.shared_on, WorkerSharing.id)):
            by_cycle[sharing.cycle_id].append(sharing)
    return by_cycle


#: Released results older than this are not reminded of any more: a new survey
#: is due by then.
SHARING_REMINDED_FOR = timedelta(days=365)


def sharing_overdue(day: date) -> sa.Select:
    """SQL: released cycles the user sees whose results nobody recorded sharing
    with workers, once the company's reminder days have passed since the release
    (none of those released over a year ago), oldest release first."""
    return _overdue(scoped(SurveyCycle), day)


def sharing_overdue_everywhere(day: date) -> list[SurveyCycle]:
    """The same for every company: for the daily reminder mail (``flask
    reminders``), which writes to each cycle's own supplier only. Not scoped."""
    return list(db.session.scalars(_overdue(sa.select(SurveyCycle), day)))


def _overdue(cycles: sa.Select, day: date) -> sa.Select:
    # Each company's reminder days as a date to compare with, in SQL: the
    # companies that chose their own are few (one row each, read by key).
    own = dict(db.session.execute(sa.select(ResultsSettings.company_id,
                                            ResultsSettings.sharing_reminder_days)).all())
    due = [sa.and_(SurveyCycle.company_id == company_id,
                   SurveyCycle.results_shared_on <= day - timedelta(days=wait))
           for company_id, wait in own.items()]
    due.append(sa.and_(SurveyCycle.company_id.not_in(list(own)) if own else sa.true(),
                       SurveyCycle.results_shared_on
                       <= day - timedelta(days=DEFAULT_SHARING_REMINDER_DAYS)))
    shared = sa.select(WorkerSharing.id).where(WorkerSharing.cycle_id == SurveyCycle.id)
    return cycles.where(
        SurveyCycle.is_released, SurveyCycle.results_shared_on > day - SHARING_REMINDED_FOR,
        ~shared.exists(), sa.or_(*due)).order_by(SurveyCycle.results_shared_on, SurveyCycle.id)


# --- doubts addressed to the provider -------------------------------------------------


def doubts_of(cycle: SurveyCycle) -> list[ProviderDoubt]:
    """The doubts about the cycle's data the user may read, oldest first."""
    return list(db.session.scalars(scoped(ProviderDoubt).where(
        ProviderDoubt.cycle_id == cycle.id).order_by(ProviderDoubt.asked_at)))
