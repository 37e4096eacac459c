"""Reads of survey cycles, for the pages, the import jobs and the packages above:
never a commit, never an add or flush. Every query is scoped to the user's
company or supplier, except the few the public survey and the import jobs need
(nobody is logged in there), each saying "not scoped" and returning a cycle
found by its secret token or a count, never an answer. Writes are in
``operations``."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from ..extensions import db
from ..idlists import one_of
from ..models import Site, utcnow
from ..questionnaires.models import Question, QuestionnaireVersion
from ..questionnaires.starter import ABOUT_LAST_SURVEY
from ..tenancy import members_visible_to_each_other, scoped
from . import guard
from .models import (
    RUNNING,
    UPLOAD_KEPT,
    AccessCode,
    CycleOwner,
    HeldResponse,
    ImportBatch,
    KoboLink,
    PendingImport,
    RespondentKey,
    Response,
    ResponseAnswer,
    SurveyAlert,
    SurveyCycle,
    UsedFormToken,
)


def published_versions() -> list[QuestionnaireVersion]:
    """The company's published questionnaire versions, newest first."""
    return list(db.session.scalars(scoped(QuestionnaireVersion).where(
        QuestionnaireVersion.published_at.is_not(None))
        .order_by(QuestionnaireVersion.id.desc())))


def cycles_at(site: Site) -> list[SurveyCycle]:
    """The cycles at ``site`` the current user may reach, latest end first."""
    return list(db.session.scalars(scoped(SurveyCycle).where(
        SurveyCycle.site_id == site.id).order_by(SurveyCycle.ends_on.desc())))


def import_batches(cycle: SurveyCycle) -> list[ImportBatch]:
    """The cycle's imports, newest first."""
    return list(db.session.scalars(scoped(ImportBatch).where(
        ImportBatch.cycle_id == cycle.id).order_by(ImportBatch.imported_at.desc())))


def kobo_link(cycle: SurveyCycle) -> KoboLink | None:
    """The cycle's KoboToolbox project, for whoever may import into the cycle."""
    return db.session.scalar(scoped(KoboLink).where(KoboLink.cycle_id == cycle.id))


def alerts(cycle: SurveyCycle) -> list[SurveyAlert]:
    """The cycle's signs of stuffing, latest day first."""
    return list(db.session.scalars(scoped(SurveyAlert).where(
        SurveyAlert.cycle_id == cycle.id).order_by(SurveyAlert.day.desc())))


def running_uploads(cycle: SurveyCycle) -> list[PendingImport]:
    """The current user's uploads for the cycle still being checked or imported."""
    return list(db.session.scalars(scoped(PendingImport).where(
        PendingImport.cycle_id == cycle.id, PendingImport.state.in_(RUNNING))))


def identical_web_answers(cycle: SurveyCycle) -> tuple[int, int] | None:
    """(largest group of exactly identical web answers, web answers) when that
    looks like stuffing; brand staff see the counts, never the answers."""
    patterns: dict[int, list] = {}
    for response_id, code, answer in db.session.execute(
            scoped(ResponseAnswer).join(Response, Response.id == ResponseAnswer.response_id)
            .where(ResponseAnswer.cycle_id == cycle.id, Response.batch_id.is_(None))
            .with_only_columns(ResponseAnswer.response_id, ResponseAnswer.question_code,
                               ResponseAnswer.answer)):
        patterns.setdefault(response_id, []).append((code, answer.value))
    found = guard.largest_identical_group(tuple(sorted(p)) for p in patterns.values())
    return (found, len(patterns)) if guard.looks_stuffed(found, len(patterns)) else None


def pending_upload(cycle: SurveyCycle, upload_id: str) -> PendingImport | None:
    """The current user's upload for the cycle (scoped: nobody else's), as it
    is now in the database, unless it has waited too long."""
    return db.session.scalar(scoped(PendingImport).where(
        PendingImport.id == upload_id, PendingImport.cycle_id == cycle.id,
        PendingImport.uploaded_at >= utcnow() - UPLOAD_KEPT)
        .execution_options(populate_existing=True))


def known_keys(cycle: SurveyCycle, user=None) -> set[str]:
    """The digests of the respondent keys imported into the cycle so far (those
    ``user``, default the current user, may reach)."""
    return set(db.session.scalars(scoped(RespondentKey, user).with_only_columns(
        RespondentKey.digest).where(RespondentKey.cycle_id == cycle.id)))


def access_code_digests(cycle: SurveyCycle) -> set[str]:
    """The digests of the access codes made for the cycle so far. Not scoped: the
    caller made the codes for a cycle it reached through a scoped query."""
    return set(db.session.scalars(sa.select(AccessCode.digest).where(
        AccessCode.cycle_id == cycle.id)))


# --- the built-in survey (nobody is logged in: the link's token is the permission) ---


def cycle_by_token(token: str) -> SurveyCycle | None:
    """The cycle whose public link carries ``token``. Deliberately not scoped:
    the token is the permission."""
    return db.session.scalar(sa.select(SurveyCycle).where(SurveyCycle.public_token == token))


def respondents_stored(cycle: SurveyCycle) -> int:
    """Respondents stored for the cycle so far. Not scoped (nobody is logged in
    on the survey): a count, never shown to the worker."""
    return db.session.scalar(sa.select(sa.func.count(Response.id)).where(
        Response.cycle_id == cycle.id)) or 0


def held_count(cycle: SurveyCycle, on: date | None = None) -> int:
    """Web answers of the cycle held for review (held on day ``on``, if given).
    Not scoped (the survey counts them too): a count, never an answer."""
    query = sa.select(sa.func.count(HeldResponse.id)).where(HeldResponse.cycle_id == cycle.id)
    if on is not None:
        query = query.where(HeldResponse.held_on == on)
    return db.session.scalar(query) or 0


def held_per_day(cycle: SurveyCycle) -> list[tuple]:
    """(day, answers held that day) for the cycle, for brand staff: counts only."""
    return [tuple(row) for row in db.session.execute(
        scoped(HeldResponse).with_only_columns(HeldResponse.held_on, sa.func.count()).where(
            HeldResponse.cycle_id == cycle.id)
        .group_by(HeldResponse.held_on).order_by(HeldResponse.held_on))]


def sent_form(cycle: SurveyCycle, nonce: str) -> UsedFormToken | None:
    """The survey form with this token's random part, if it was sent before
    (stored, or refused for a wrong code). Not scoped (the public survey)."""
    return db.session.get(UsedFormToken, (cycle.id, nonce))


def code_unused(cycle: SurveyCycle, code: str) -> bool:
    """Whether ``code`` is one of the cycle's access codes, not used yet. Not
    scoped (the public survey)."""
    return db.session.scalar(sa.select(AccessCode.used).where(
        AccessCode.cycle_id == cycle.id, AccessCode.digest == guard.digest(code))) is False


def _same_series(cycle: SurveyCycle, user) -> sa.Select:
    """The cycles of the same company at the same site, as ``user`` (default: the
    current user) may reach them."""
    return scoped(SurveyCycle, user).where(SurveyCycle.site_id == cycle.site_id,
                                           SurveyCycle.company_id == cycle.company_id)


def next_cycle(cycle: SurveyCycle, user=None,
               among: sa.ColumnElement[bool] | None = None) -> SurveyCycle | None:
    """The next cycle of the same company at the cycle's site: the first to start
    after it ended, of those that meet ``among`` (figures the viewer may see, a
    round still to come or open) when given."""
    return next(iter(later_cycles(cycle, user, among, limit=1)), None)


def later_cycles(cycle: SurveyCycle, user=None, among: sa.ColumnElement[bool] | None = None,
                 after: date | None = None, limit: int | None = None) -> list[SurveyCycle]:
    """The cycles of the same company at the cycle's site that started after it
    ended (and after the day ``after``, when given), oldest first, of those that
    meet ``among`` when given."""
    query = _same_series(cycle, user).where(SurveyCycle.starts_on > cycle.ends_on)
    if after is not None:
        query = query.where(SurveyCycle.starts_on > after)
    if among is not None:
        query = query.where(among)
    return list(db.session.scalars(query.order_by(SurveyCycle.starts_on, SurveyCycle.id)
                                   .limit(limit)))


def newest_per_site(cycles: sa.Select, newest=None) -> sa.Select:
    """SQL: of the cycles ``cycles`` selects, each site's newest, as ids: by
    ``newest`` (a column; default when it started), two alike: the later made."""
    newest = SurveyCycle.starts_on if newest is None else newest
    ranked = cycles.with_only_columns(SurveyCycle.id, sa.func.row_number().over(
        partition_by=SurveyCycle.site_id, order_by=(newest.desc(), SurveyCycle.id.desc()))
        .label("n")).subquery()
    return sa.select(ranked.c.id).where(ranked.c.n == 1)


def later_cycles_of(cycles: list[SurveyCycle], user=None,
                    among: sa.ColumnElement[bool] | None = None) -> dict[int, list[SurveyCycle]]:
    """``later_cycles`` of each of these cycles (by id), in one query for all:
    a list of agreements about a thousand dialogues asks once, not a thousand
    times."""
    found: dict[int, list[SurveyCycle]] = {cycle.id: [] for cycle in cycles}
    if not cycles:
        return found
    query = scoped(SurveyCycle, user).where(
        one_of(SurveyCycle.site_id, {cycle.site_id for cycle in cycles}))
    if among is not None:
        query = query.where(among)
    series: dict[tuple[int, int], list[SurveyCycle]] = {}
    for later in db.session.scalars(query.order_by(SurveyCycle.starts_on, SurveyCycle.id)):
        series.setdefault((later.company_id, later.site_id), []).append(later)
    for cycle in cycles:
        found[cycle.id] = [later for later in series.get((cycle.company_id, cycle.site_id), [])
                           if later.starts_on > cycle.ends_on]
    return found


def previous_cycle(cycle: SurveyCycle, user=None,
                   among: sa.ColumnElement[bool] | None = None) -> SurveyCycle | None:
    """The cycle before, of the same company at the cycle's site: the last to end
    before it started, of those that meet ``among`` when given."""
    query = _same_series(cycle, user).where(SurveyCycle.ends_on < cycle.starts_on)
    if among is not None:
        query = query.where(among)
    return db.session.scalar(query.order_by(SurveyCycle.ends_on.desc(), SurveyCycle.id.desc())
                             .limit(1))


def first_start(cycle: SurveyCycle, user=None):
    """The day the first cycle of the same company at the cycle's site began."""
    return db.session.scalar(_same_series(cycle, user).with_only_columns(
        sa.func.min(SurveyCycle.starts_on)))


def had_earlier_cycle(cycle: SurveyCycle) -> bool:
    """Whether the same company surveyed the cycle's site before (a cycle that
    started earlier). Not scoped: the public survey and the import jobs ask it
    about the cycle they hold; it says yes or no, nothing else."""
    return bool(db.session.scalar(sa.select(sa.exists().where(
        SurveyCycle.site_id == cycle.site_id, SurveyCycle.company_id == cycle.company_id,
        SurveyCycle.starts_on < cycle.starts_on))))


def questions_asked(cycle: SurveyCycle) -> list[Question]:
    """The questionnaire's questions this cycle asks: in a site's first cycle,
    none about the last survey."""
    questions = cycle.version.questions
    if any(q.code in ABOUT_LAST_SURVEY for q in questions) and not had_earlier_cycle(cycle):
        return [q for q in questions if q.code not in ABOUT_LAST_SURVEY]
    return list(questions)


def asked_codes(cycle: SurveyCycle) -> list[str]:
    return [q.code for q in questions_asked(cycle)]


#: Another member's survey this close to one being planned asks the same workers
#: twice: they answer less, and less openly.
NEARBY_DAYS = 60


def others_nearby(site, company_id: int, starts_on: date, ends_on: date,
                  day: date) -> list[tuple[int, date, date]]:
    """(company id, first day, last day) of the other members' cycles at ``site``
    that are planned or open on ``day`` and whose window comes within
    ``NEARBY_DAYS`` of ``starts_on``–``ends_on``. Not scoped: company ids and dates
    only; a page names a company only where both opted in to see each other."""
    margin = timedelta(days=NEARBY_DAYS)
    return [tuple(row) for row in db.session.execute(sa.select(
        SurveyCycle.company_id, SurveyCycle.starts_on, SurveyCycle.ends_on).where(
        SurveyCycle.site_id == site.id, SurveyCycle.company_id != company_id,
        SurveyCycle.ends_on >= day, SurveyCycle.starts_on <= ends_on + margin,
        SurveyCycle.ends_on >= starts_on - margin).order_by(SurveyCycle.starts_on))]


def surveyed_by_others(company_id: int, day: date) -> set[int]:
    """The sites of ``company_id``'s suppliers where another member company has a
    cycle planned or open on ``day``, or closed within ``NEARBY_DAYS``. Not scoped:
    site ids only, of sites the company sees itself."""
    own_sites = scoped(Site).with_only_columns(Site.id)
    return set(db.session.scalars(sa.select(SurveyCycle.site_id).where(
        SurveyCycle.company_id != company_id, SurveyCycle.site_id.in_(own_sites),
        SurveyCycle.ends_on >= day - timedelta(days=NEARBY_DAYS)).distinct()))


# --- joint cycles ---------------------------------------------------------------------


def joint_invitations(company_id: int) -> list[CycleOwner]:
    """The company's invitations to own a joint cycle that wait for an answer,
    of cycles that have not ended (an unanswered one lapses), soonest first."""
    return list(db.session.scalars(scoped(CycleOwner).join(CycleOwner.cycle).where(
        CycleOwner.company_id == company_id, CycleOwner.accepted.is_(None),
        ~SurveyCycle.has_ended).order_by(SurveyCycle.starts_on)))


def invitation_to(cycle_id: int, company_id: int) -> CycleOwner | None:
    """The company's own invitation to the cycle, answered or not."""
    return db.session.scalar(scoped(CycleOwner).where(
        CycleOwner.cycle_id == cycle_id, CycleOwner.company_id == company_id))


def invitable(cycle: SurveyCycle) -> dict[int, str]:
    """The member companies the lead may invite to own the cycle: those that
    both opted in to see each other at the supplier (``tenancy``), not yet invited."""
    invited = {owner.company_id for owner in cycle.owners}
    return {company_id: name for company_id, name in members_visible_to_each_other(
        cycle.company_id, cycle.site.supplier_id).items() if company_id not in invited}


def co_owners_of(cycles) -> dict[int, set[int]]:
    """The companies that accepted to co-own each of these cycles (rows with an
    ``id`` and the lead's ``company_id``), for the joint ones only: most have
    none, the lead is the cycle's own ``company_id``. Read by key, not scoped:
    for the anonymity threshold every viewer of a joint cycle's page must see it
    under (the highest of its owners'). Asked by lead company, not by cycle id:
    a brand's thousands of cycles have a few leads."""
    wanted = {cycle.id for cycle in cycles}
    leads = {cycle.company_id for cycle in cycles}
    owners: dict[int, set[int]] = {}
    if leads:
        for cycle_id, company_id in db.session.execute(
                sa.select(CycleOwner.cycle_id, CycleOwner.company_id)
                .join(SurveyCycle, SurveyCycle.id == CycleOwner.cycle_id)
                .where(SurveyCycle.company_id.in_(leads), CycleOwner.accepted.is_(True))):
            if cycle_id in wanted:
                owners.setdefault(cycle_id, set()).add(company_id)
    return owners
