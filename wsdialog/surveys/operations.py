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
from typing import NoReturn

import sqlalchemy as sa

from .. import audit
from ..clock import now, today
from ..extensions import db
from ..models import StateError, User, utcnow
from ..providers import queries as provider_queries
from ..questionnaires.answers import Answer
from ..tenancy import scoped
from . import guard, mapping, queries
from .models import (
    STALE_AFTER,
    UPLOAD_KEPT,
    AccessCode,
    AlertKind,
    AnswerTally,
    CycleOwner,
    HeldResponse,
    ImportBatch,
    KoboLink,
    PendingImport,
    ProviderMapping,
    RespondentKey,
    Response,
    ResponseAnswer,
    SurveyAlert,
    SurveyCycle,
    SurveyRate,
    UploadState,
    UsedFormToken,
    WrongCodeRate,
    random_key,
)
from .respondents import Respondent

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
    """One writer of a cycle's respondents at a time, until commit, and ``cycle``
    read again under the lock: whoever looked at its figures meanwhile has made
    its respondents final, and the caller's checks must see that.

    PostgreSQL: the cycle's row FOR NO KEY UPDATE, which does not clash with the
    key-share locks that inserting rows referring to the cycle takes, and does
    clash with recording its figures as shown. SQLite has no row locks:
    ``BEGIN IMMEDIATE`` takes the database's write lock now (pysqlite would only
    begin at the first write, so a read under the "lock" could be stale). A
    transaction pysqlite has already begun holds that lock: it began with a
    write. So two answers sent at the same moment neither recount the tallies
    over each other nor both pass the headcount, and an import checked under the
    lock cannot land after someone saw the figures."""
    connection = db.session.connection()
    if connection.dialect.name == "sqlite" and \
            not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    db.session.scalars(sa.select(SurveyCycle).where(SurveyCycle.id == cycle.id)
                       .with_for_update(key_share=True)
                       .execution_options(populate_existing=True)).one()  # loaded: fresh


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


def unorder(cycle: SurveyCycle) -> None:
    """Rewrite the rows the built-in survey added to the cycle one by one, in
    shuffled order, within the caller's transaction: called when its respondents
    become final (``results.operations``), after the caller wrote the cycle's row
    (which locks it against any other writer of its respondents). From then on no
    row of them changes, so the order stays shuffled, in every later backup too.

    PostgreSQL stores rows in the order they were added (``ctid``), and an update
    writes a new row version at the end: the web respondents, their answers, the
    held answers, the used codes and forms would follow the order in which workers
    answered, and the tallies the order of their last change (the last
    respondent's answers last). On SQLite these tables are stored in key order
    (``models.NO_ROWID``); the same rewrite runs there too, one way for both.
    Their earlier row versions stay in PostgreSQL's files until (auto)vacuum."""
    connection = db.session.connection()
    response, answers = Response.__table__, ResponseAnswer.__table__
    web = (response.c.cycle_id == cycle.id) & response.c.batch_id.is_(None)
    of_cycle = {table: table.c.cycle_id == cycle.id for table in (
        answers, HeldResponse.__table__, AccessCode.__table__, UsedFormToken.__table__)}
    # Answers before respondents: deleting a respondent deletes its answers.
    of_cycle[answers] &= answers.c.response_id.in_(sa.select(response.c.id).where(web))
    taken = {table: _take(connection, table, where) for table, where in of_cycle.items()}
    respondents = _take(connection, response, web)
    for table, rows in [(response, respondents), *taken.items()]:
        if rows:
            _shuffle(rows)
            connection.execute(table.insert(), rows)
    retally(cycle.id)
    # The counts of the cycle's last minute would say when its last answers came.
    for model in (SurveyRate, WrongCodeRate):
        connection.execute(model.__table__.delete().where(model.cycle_id == cycle.id))


def _take(connection, table, where) -> list[dict]:
    """Delete the rows of ``table`` that match ``where``: the rows that were there."""
    rows = [dict(row._mapping) for row in connection.execute(sa.select(table).where(where))]
    connection.execute(table.delete().where(where))
    return rows


def remember_keys(cycle: SurveyCycle, digests: set[str], batch_id: int) -> None:
    """Keep the digests of an import's keys, in their own order (sorted), which
    says nothing about the order of the file or of the stored respondents."""
    if digests:
        db.session.connection().execute(RespondentKey.__table__.insert(), [
            {"cycle_id": cycle.id, "digest": d, "batch_id": batch_id} for d in sorted(digests)])


def forget_keys(cycle: SurveyCycle) -> None:
    """At release the respondents are final: no more duplicates to catch."""
    db.session.execute(sa.delete(RespondentKey).where(RespondentKey.cycle_id == cycle.id))


def forget_stale_uploads() -> int:
    """Uploaded files never confirmed are deleted after ``UPLOAD_KEPT`` (within
    the caller's transaction); how many."""
    return db.session.execute(sa.delete(PendingImport).where(
        PendingImport.uploaded_at < utcnow() - UPLOAD_KEPT)).rowcount


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


# --- cycles -----------------------------------------------------------------------


def plan_cycle(**fields) -> SurveyCycle:
    """Plan a cycle with the given columns (site, version, window, channels…)."""
    cycle = SurveyCycle(**fields)
    db.session.add(cycle)
    db.session.commit()
    return cycle


def extend_cycle(cycle: SurveyCycle, ends_on, reason) -> None:
    """``SurveyCycle.extend`` against the company's other cycles at the site,
    saved (its refusals pass through)."""
    cycle.extend(ends_on, reason, [c for c in queries.cycles_at(cycle.site)
                                   if c.company_id == cycle.company_id])
    db.session.commit()


# --- joint cycles ---------------------------------------------------------------------


def invite_owner(cycle: SurveyCycle, company_id: int, by: User) -> CycleOwner:
    """``SurveyCycle.invite`` among the members the lead may name at the supplier,
    saved and audited for both companies (its refusals pass through)."""
    owner = cycle.invite(company_id, by, today(), queries.invitable(cycle))
    db.session.flush()
    _audit_both(owner, "joint_cycle_invited")
    db.session.commit()
    return owner


def withdraw_invitation(owner: CycleOwner) -> None:
    """Take back an invitation not yet answered (``StateError("answered")``)."""
    if not owner.is_pending:
        raise StateError("answered")
    _audit_both(owner, "joint_cycle_withdrawn")
    owner.cycle.owners.remove(owner)
    db.session.commit()


def answer_invitation(owner: CycleOwner, accept: bool, by: User) -> None:
    """``CycleOwner.answer``, saved and audited for both companies."""
    owner.answer(accept, by, today())
    _audit_both(owner, "joint_cycle_accepted" if accept else "joint_cycle_declined")
    db.session.commit()


def check_results(owner: CycleOwner, by: User) -> None:
    """``CycleOwner.check``, saved and audited for both companies."""
    owner.check(by, today())
    _audit_both(owner, "joint_cycle_checked")
    db.session.commit()


def _audit_both(owner: CycleOwner, kind: str) -> None:
    """A step about a joint cycle in the trails of the lead and the invited
    company, naming the invited one (both may name each other there)."""
    for company_id in (owner.cycle.company_id, owner.company_id):
        audit.record(kind, company_id=company_id, target=f"cycle {owner.cycle_id}",
                     note=owner.company.name)


def assign_provider(cycle: SurveyCycle, provider_id: int | None, by: User) -> None:
    """``SurveyCycle.assign`` among the providers the company signed an agreement
    with, saved and audited (its refusals pass through)."""
    if provider_id == cycle.provider_id:
        return  # saved unchanged: nothing to record
    assignable = {p.id: p for p in provider_queries.assignable(cycle.company_id)}
    cycle.assign(provider_id, assignable)
    audit.record("provider_assigned", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=assignable[provider_id].name if provider_id else "", user=by)
    db.session.commit()


def save_mapping(provider_id: int, saved: mapping.Mapping, by: User) -> None:
    """The provider's mapping of its files, replacing the one before."""
    row = db.session.get(ProviderMapping, provider_id)
    if row is None and saved.is_empty or row is not None and (
            row.columns, row.values) == (saved.columns, saved.values):
        return  # saved unchanged: nothing to record
    row = row or ProviderMapping(provider_id=provider_id)
    row.columns, row.values, row.updated_at, row.updated_by = (
        saved.columns, saved.values, utcnow(), by)
    db.session.add(row)
    audit.record("provider_mapping", target=f"provider {provider_id}", user=by)
    db.session.commit()


def link_kobo(cycle: SurveyCycle, link: KoboLink | None, server_url: str, asset_uid: str,
              token_sealed: bytes | None, by: User) -> KoboLink:
    """Link the cycle to a KoboToolbox project, or change its link (a token of
    None keeps the stored one); audited as a link, or as a replaced token."""
    if link is None:
        link = KoboLink(cycle_id=cycle.id, server_url=server_url, asset_uid=asset_uid,
                        token_sealed=token_sealed, linked_by=by)
        db.session.add(link)
        changed = {"project", "token"}
        audit.record("kobo_linked", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                     note=f"{server_url} {asset_uid}", user=by)
    else:
        changed = link.change(server_url, asset_uid, token_sealed)
        if "project" in changed:
            audit.record("kobo_linked", company_id=cycle.company_id,
                         target=f"cycle {cycle.id}", note=f"{server_url} {asset_uid}", user=by)
        if "token" in changed:
            audit.record("kobo_token_replaced", company_id=cycle.company_id,
                         target=f"cycle {cycle.id}", user=by)
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        # Someone else linked the cycle meanwhile (one link per cycle): theirs stays.
        db.session.rollback()
        raise StateError("linked_meanwhile") from None
    return link


def unlink_kobo(link: KoboLink, by: User) -> None:
    """Remove the cycle's link to KoboToolbox, its token with it (the imports stay)."""
    cycle = link.cycle
    db.session.delete(link)
    audit.record("kobo_unlinked", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 user=by)
    db.session.commit()


def make_codes(cycle: SurveyCycle, count: int) -> list[str]:
    """Make ``count`` new single-use access codes (at most ``guard.MAX_CODES``)
    and ask for them from now on; only their digests are kept. The codes are
    returned to be shown this one time."""
    cycle.ask_for_codes()
    known = queries.access_code_digests(cycle)
    codes: list[str] = []
    while len(codes) < min(count, guard.MAX_CODES):
        code = guard.new_code()
        if guard.digest(code) not in known:
            known.add(guard.digest(code))
            codes.append(code)
    db.session.execute(AccessCode.__table__.insert(), [
        {"cycle_id": cycle.id, "digest": guard.digest(code), "used": False}
        for code in codes])
    db.session.commit()
    return codes


def open_link(cycle: SurveyCycle) -> None:
    """``SurveyCycle.open_link``, saved."""
    cycle.open_link()
    db.session.commit()


# --- uploads and imports ------------------------------------------------------------


def upload(cycle: SurveyCycle, user: User, filename: str, data: bytes) -> str:
    """Keep an uploaded file for its check; the id of the upload. Only the newest
    upload of a person for a cycle waits: a flood of uploads keeps one file, not
    hundreds (and the check of a replaced one stops). An upload being imported
    goes on."""
    forget_stale_uploads()
    db.session.execute(sa.delete(PendingImport).where(
        PendingImport.id.in_(scoped(PendingImport).with_only_columns(PendingImport.id).where(
            PendingImport.cycle_id == cycle.id,
            PendingImport.state != UploadState.importing))))
    pending = PendingImport(cycle_id=cycle.id, uploaded_by_id=user.id,
                            filename=filename[:200], data=data, state=UploadState.checking)
    db.session.add(pending)
    db.session.commit()
    return pending.id


def start_fetch(cycle: SurveyCycle, user: User, filename: str) -> tuple[str, bool]:
    """Record a fetch from the cycle's KoboToolbox project, to be run as a job
    (``import_jobs``): the id its page follows, and whether it is new (its job
    is to be started). The person's fetch of the cycle still running (and
    alive) is followed instead of starting another: a flood of clicks starts
    one. Another person's fetch at the same time imports nothing twice: the
    import runs under the cycle's lock and skips submissions already in."""
    forget_stale_uploads()
    running = db.session.scalar(scoped(PendingImport).where(
        PendingImport.cycle_id == cycle.id, PendingImport.source == "kobo",
        PendingImport.state == UploadState.importing,
        PendingImport.updated_at >= utcnow() - STALE_AFTER))
    if running is not None:
        return running.id, False
    pending = PendingImport(cycle_id=cycle.id, uploaded_by_id=user.id, filename=filename[:200],
                            data=b"", source="kobo", state=UploadState.importing)
    db.session.add(pending)
    db.session.commit()
    return pending.id, True


def consume_upload(pending: PendingImport) -> None:
    """An upload whose outcome is shown is deleted (only if nothing moved it)."""
    db.session.execute(sa.delete(PendingImport).where(
        PendingImport.id == pending.id, PendingImport.state == pending.state))
    db.session.commit()


def cancel_upload(upload_id: str) -> bool:
    """Drop an uploaded file without importing it, unless its import runs: True
    if it was dropped."""
    cancelled = db.session.execute(sa.delete(PendingImport).where(
        PendingImport.id == upload_id,
        PendingImport.state != UploadState.importing)).rowcount
    db.session.commit()
    return bool(cancelled)


def remove_import(batch: ImportBatch, by: User) -> int:
    """Remove a mistaken import's respondents (``ImportBatch.remove`` refuses
    once they are final, as they are now under the lock); its record stays,
    saying who removed it. The number of respondents removed."""
    cycle = batch.cycle
    lock_cycle(cycle)
    try:
        batch.remove(by)
    except StateError:
        db.session.rollback()  # let go of the lock at once
        raise
    removed = remove_batch(cycle, batch.id)
    audit.record("import_removed", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{removed} respondents, import {batch.id}")
    db.session.commit()
    return removed


# --- the built-in survey --------------------------------------------------------------


def _count_in_minute(model, cycle: SurveyCycle) -> int:
    """Add one to the cycle's count of this minute in ``model`` (``SurveyRate`` or
    ``WrongCodeRate``), for every process at once: the new count."""
    minute = now().replace(second=0, microsecond=0)
    table = model.__table__
    statement = upsert(table).values(cycle_id=cycle.id, minute=minute, count=1)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.cycle_id, table.c.minute],
        set_={"count": table.c.count + 1}).returning(table.c.count)
    count = db.session.execute(statement).scalar_one()
    # Only this minute's counts are needed: earlier ones would keep when answers came.
    db.session.execute(table.delete().where(table.c.minute < minute))
    return count


def _count_attempt(cycle: SurveyCycle) -> int:
    """Count this attempt in the cycle's minute; tell brand staff of a burst;
    refuse above the limit. The attempts of this minute so far."""
    count = _count_in_minute(SurveyRate, cycle)
    limit = guard.per_minute_limit(cycle.headcount)
    if count > limit:
        _alert(cycle, AlertKind.limit, count)
    elif count >= guard.burst_threshold(cycle.headcount):
        _alert(cycle, AlertKind.burst, count)
    db.session.commit()  # the count holds even when these answers are refused
    if count > limit:
        raise guard.Refused("busy", 429)
    return count


def _refuse_code(cycle: SurveyCycle, nonce: str) -> NoReturn:
    """A wrong access code: unknown or used alike (one message, so that whoever
    holds the slips cannot tell which were used). The form cannot be sent again,
    and wrong codes are counted apart from the answers: above their own limit,
    the survey asks to wait a minute and brand staff are told. A worker with a
    valid code never meets this count."""
    table = UsedFormToken.__table__
    db.session.execute(upsert(table).values(cycle_id=cycle.id, nonce=nonce, refused=True)
                       .on_conflict_do_nothing())
    count = _count_in_minute(WrongCodeRate, cycle)
    over = count > guard.wrong_code_limit(cycle.headcount)
    if over:
        _alert(cycle, AlertKind.codes, count)
    db.session.commit()  # the refused form and the count hold
    raise guard.Refused("busy", 429) if over else guard.Refused("code_invalid")


def _alert(cycle: SurveyCycle, kind: AlertKind, count: int) -> None:
    table = SurveyAlert.__table__
    statement = upsert(table).values(cycle_id=cycle.id, day=today(), kind=kind.value,
                                     count=count)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=[table.c.cycle_id, table.c.day, table.c.kind],
        set_={"count": sa.case((table.c.count < count, count), else_=table.c.count)}))


def _use_code(cycle: SurveyCycle, code: str) -> None:
    """Mark the worker's access code used (once, whoever asks at the same time)."""
    digest = guard.digest(code)
    used = db.session.execute(
        sa.update(AccessCode).where(AccessCode.cycle_id == cycle.id,
                                    AccessCode.digest == digest,
                                    AccessCode.used.is_(False))
        .values(used=True)).rowcount
    if used != 1:  # used at the same moment by another request
        raise guard.Refused("code_invalid")


def record_web_answer(cycle: SurveyCycle, nonce: str, language: str,
                      demographics: dict[str, str | None], answers: dict[str, Answer],
                      code: str) -> bool:
    """Store one worker's answers from the built-in survey, sent on the form whose
    token's random part is ``nonce``, with the access ``code`` when the cycle asks
    for one. Raises ``guard.Refused`` (the caller rolls back) when they cannot be
    stored now; False when the same form was stored at the same moment elsewhere.

    With codes, the code is checked first: a valid, unused one is accepted whatever
    came before (it is the limit: one worker, one answer), and a wrong one is
    counted apart. The code is used only together with storing the answers."""
    this_minute = 0
    if cycle.uses_codes:
        if not queries.code_unused(cycle, code):
            _refuse_code(cycle, nonce)
    else:
        # Only a real answer on a form of ours counts towards the limit: junk posts
        # by whoever holds the link cannot use it up and lock workers out.
        this_minute = _count_attempt(cycle)
    lock_cycle(cycle)
    held = guard.holds(this_minute, cycle.headcount, queries.respondents_stored(cycle))
    table = UsedFormToken.__table__
    if not db.session.execute(upsert(table).values(cycle_id=cycle.id, nonce=nonce)
                              .on_conflict_do_nothing()).rowcount:
        db.session.rollback()
        return False
    if cycle.uses_codes:
        _use_code(cycle, code)
    if held:
        db.session.add(HeldResponse(cycle_id=cycle.id, held_on=today(), language=language,
                                    demographics=demographics,
                                    answers={c: a.value for c, a in answers.items()}))
        db.session.flush()
        _alert(cycle, AlertKind.held, queries.held_count(cycle, on=today()))
    else:
        store(cycle, [Respondent(answered_on=today(), channel="web", language=language,
                                 demographics=demographics, answers=answers)])
    db.session.commit()
    return True


def keep_held(cycle: SurveyCycle) -> int:
    """Take the cycle's held answers into its respondents (``SurveyCycle.admit_held``
    refuses once the respondents are final, or beyond the headcount), stored
    shuffled with new random keys like an import: nothing says which were held.
    The number kept."""
    lock_cycle(cycle)
    held = list(db.session.scalars(sa.select(HeldResponse).where(
        HeldResponse.cycle_id == cycle.id)))
    cycle.admit_held(len(held), queries.respondents_stored(cycle))
    store(cycle, [Respondent(answered_on=h.held_on, channel="web", language=h.language,
                             demographics=h.demographics,
                             answers={c: Answer(a) for c, a in h.answers.items()})
                  for h in held])
    return _forget_held(cycle, "held_kept")


def discard_held(cycle: SurveyCycle) -> int:
    """Delete the cycle's held answers, unseen: the number discarded."""
    lock_cycle(cycle)
    return _forget_held(cycle, "held_discarded")


def _forget_held(cycle: SurveyCycle, decision: str) -> int:
    """Delete the cycle's held answers (kept or discarded: the audit ``decision``)
    and commit: how many there were."""
    count = db.session.execute(sa.delete(HeldResponse).where(
        HeldResponse.cycle_id == cycle.id)).rowcount
    # Decided: the alerts that asked for the decision go too.
    db.session.execute(sa.delete(SurveyAlert).where(SurveyAlert.cycle_id == cycle.id,
                                                    SurveyAlert.kind == AlertKind.held.value))
    audit.record(decision, company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{count} answers")
    db.session.commit()
    return count
