"""Checking and importing an uploaded results file in the background (a thread
of the web process, or the queue's worker: ``jobs.py``), so that a large file
(an XLSX of 36,000 rows takes some 20 s to read) never holds a web request past
its time limit, and (with a queue) a restart of the web process stops no import.

The request that starts a job waits for it a few seconds (``IMPORT_WAIT_SECONDS``)
and answers as before when it is done; else the upload's page shows the job's
progress until it is. Everything a page needs is in the ``PendingImport`` row,
never in this process's memory: the next request may reach another process.
The state moves in single conditional UPDATEs (``_move``), so that two
requests or processes can never both start the same import.

A job writes no worker's answer anywhere but the respondents' tables: its
progress is a count of rows, and its log lines say which upload failed and how
(the kind of error), never a value from the file.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app

from .. import audit, crypto, jobs
from ..clock import today
from ..extensions import db
from ..models import User, utcnow
from ..tenancy import scoped
from ..text import N_
from . import importer, kobo, mapping
from .models import (
    STALE_AFTER,
    ImportBatch,
    KoboLink,
    PendingImport,
    ProviderMapping,
    SurveyCycle,
    UploadState,
    all_respondents,
)
from .operations import lock_cycle, remember_keys, store
from .queries import asked_codes, known_keys

log = logging.getLogger("wsdialog.imports")

#: A running job says it is alive at least this often (while reading the file);
#: one silent for ``STALE_AFTER`` has died (its process was restarted).
PROGRESS_SECONDS = 1.0

#: Why a whole file cannot be imported; the first three are about the cycle
#: (the page answers 409), the others about the file.
REFUSALS = {
    "released": N_("The results of this cycle are released: its respondents are final. "
                   "Nothing was imported."),
    "final": N_("Someone has seen the results of this cycle: its respondents are final, "
                "so that nobody can compare the results before and after a few more "
                "answers. Nothing was imported."),
    "not_open": N_("This survey opens on %(date)s: no worker can have answered yet. Import "
                   "the provider's file once the survey has started. Nothing was imported."),
    "same_file": N_("This file was imported into this cycle before. Nothing was "
                    "imported again."),
    "over_headcount": N_(
        "This file would bring the cycle to %(total)s respondents, more than the site's "
        "headcount (%(headcount)s). Is it a corrected file? Then remove the mistaken "
        "import first. Nothing was imported."),
    # For a provider, who sees no count it did not bring (the web survey's).
    "over_headcount_provider": N_(
        "With this file the cycle would have more respondents than the site's headcount "
        "(%(headcount)s). Is it a corrected file? Ask the company to remove the mistaken "
        "import first. Nothing was imported."),
}
CYCLE_REFUSALS = ("released", "final", "not_open")

Refusal = tuple[str, dict]


def cycle_refusal(cycle: SurveyCycle) -> Refusal | None:
    """Why nothing can be imported into the cycle now, if so: (code, params)."""
    if cycle.is_released:
        return "released", {}
    if cycle.respondents_final:
        return "final", {}
    if cycle.starts_on > today():
        return "not_open", {"date": cycle.starts_on.isoformat()}
    return None


def digest(cycle: SurveyCycle):
    secret = current_app.config["SECRET_KEY"].encode()
    return lambda key: importer.key_digest(secret, cycle.id, key)


def read(cycle: SurveyCycle, data: bytes, filename: str, progress=None) -> importer.Parsed:
    """Read and check the file itself (the slow part: no lock is held)."""
    try:
        rows = importer.read_table(data, filename, on_progress=progress)
    except importer.Unreadable as error:
        return importer.Parsed(problems=[error.problem])
    return check_rows(cycle, rows, progress)


def check_rows(cycle: SurveyCycle, rows: list[list[str]], progress=None) -> importer.Parsed:
    """Check a file's rows (or submissions fetched from a survey tool, as rows)
    against the cycle, read through its provider's mapping."""
    rows = mapping_for(cycle).apply(rows)
    # Checking is quick next to reading (1 s for 36,000 rows): it only says it is alive.
    asked = asked_codes(cycle)
    return importer.parse_table(
        rows, asked, (cycle.starts_on, cycle.ends_on), until=today(),
        on_progress=None if progress is None else lambda _rows: progress.beat(),
        not_asked=[code for code in cycle.version.codes if code not in asked])


def mapping_for(cycle: SurveyCycle) -> mapping.Mapping:
    """The saved mapping of the provider that runs the cycle (none: nothing to
    map). Read by key: it applies to the provider's files whoever uploads them."""
    saved = db.session.get(ProviderMapping, cycle.provider_id) if cycle.provider_id else None
    return mapping.Mapping(saved.columns, saved.values) if saved else mapping.Mapping()


def check_against_cycle(cycle: SurveyCycle, user: User, data: bytes,
                        parsed: importer.Parsed, fingerprint: str | None = None
                        ) -> Refusal | None:
    """The checks that depend on what the cycle holds now (other imports may have
    come in): a refusal, or problems added to ``parsed``. ``fingerprint`` names
    what is imported when it is not a file (``data``)."""
    if (refusal := cycle_refusal(cycle)) is not None:
        return refusal
    # Any uploader's file counts, whoever uploads now (a provider does not see the
    # company's imports): read by the cycle's key, which the caller reached.
    if db.session.scalar(sa.select(ImportBatch.id).where(
            ImportBatch.cycle_id == cycle.id,
            ImportBatch.fingerprint == (fingerprint or importer.fingerprint(data)),
            ImportBatch.removed_at.is_(None))):
        return "same_file", {}
    if not parsed.ok:
        return None
    parsed.refuse_keys(known_keys(cycle, user), digest(cycle))
    if not parsed.ok:
        return None
    already = all_respondents(cycle)
    if already + len(parsed.respondents) > cycle.headcount:
        if user.is_provider:
            return "over_headcount_provider", {"headcount": cycle.headcount}
        return "over_headcount", {"total": already + len(parsed.respondents),
                                  "headcount": cycle.headcount}
    return None


def refused(parsed: importer.Parsed | None, refusal: Refusal | None) -> dict:
    """What the page of a refused file shows, as plain data."""
    if refusal is not None:
        return {"refusal": list(refusal)}
    return parsed.problems_as_data()


# --- the state, moved by one statement at a time ---------------------------------


def _move(upload_id: str, old: UploadState, **values) -> bool:
    """Set ``values`` on the upload if it is still in state ``old`` (one UPDATE:
    of two processes trying, one wins). True if it was."""
    return db.session.execute(
        sa.update(PendingImport)
        .where(PendingImport.id == upload_id, PendingImport.state == old)
        .values(updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)).rowcount == 1


def confirm(upload: PendingImport) -> bool:
    """Start importing a checked upload: only one request ever wins."""
    won = _move(upload.id, UploadState.ready, state=UploadState.importing, progress=0)
    db.session.commit()
    return won


def is_stale(upload: PendingImport) -> bool:
    return upload.updated_at < utcnow() - STALE_AFTER


def drop_if_stale(upload: PendingImport) -> bool:
    """Delete an upload whose job died (one DELETE: never one that has just
    finished, nor one whose job is still saying it is alive)."""
    dropped = db.session.execute(
        sa.delete(PendingImport).where(
            PendingImport.id == upload.id, PendingImport.state == upload.state,
            PendingImport.updated_at < utcnow() - STALE_AFTER)
        .execution_options(synchronize_session=False)).rowcount == 1
    db.session.commit()
    return dropped


class Superseded(Exception):
    """The upload is gone or moved on (cancelled, replaced by a newer upload, or
    found dead): its job stops."""


class Progress:
    """Writes the rows read so far to the upload, at most once a second, each
    time in a short transaction of its own (apart from the job's). Raises
    Superseded when the upload is no longer there to write to."""

    def __init__(self, upload_id: str, state: UploadState):
        self.upload_id, self.state = upload_id, state
        self.rows: int | None = None
        self.written = 0.0

    def __call__(self, rows: int) -> None:
        self.rows = rows
        self.beat()

    def beat(self, force: bool = False) -> None:
        if not force and time.monotonic() - self.written < PROGRESS_SECONDS:
            return
        self.written = time.monotonic()
        values = {"updated_at": utcnow()}
        if self.rows is not None:
            values["progress"] = self.rows
        with db.engine.begin() as connection:
            found = connection.execute(sa.update(PendingImport).where(
                PendingImport.id == self.upload_id, PendingImport.state == self.state)
                .values(**values)).rowcount
        if not found:
            raise Superseded(self.upload_id)


# --- the jobs ---------------------------------------------------------------------


def _load(upload_id: str, user_id: int, state: UploadState):
    """The upload, through its uploader's scope, if still in ``state``."""
    user = db.session.get(User, user_id)
    upload = db.session.scalar(scoped(PendingImport, user).where(
        PendingImport.id == upload_id, PendingImport.state == state)) if user else None
    return user, upload


def _check(upload_id: str, user_id: int) -> None:
    user, upload = _load(upload_id, user_id, UploadState.checking)
    if upload is None:  # cancelled, or replaced by a newer upload
        return
    cycle, data, filename = upload.cycle, upload.data, upload.filename
    refusal = cycle_refusal(cycle)
    parsed = None
    if refusal is None:
        parsed = read(cycle, data, filename, Progress(upload_id, UploadState.checking))
        refusal = check_against_cycle(cycle, user, data, parsed)
    if refusal is not None or not parsed.ok:
        _move(upload_id, UploadState.checking, state=UploadState.refused, data=b"",
              checked=refused(parsed, refusal))
    else:
        _move(upload_id, UploadState.checking, state=UploadState.ready,
              checked=importer.preview(parsed, asked_codes(cycle)).as_data())
    db.session.commit()


def _import(upload_id: str, user_id: int) -> None:
    """Check the file again and store all its respondents, or none: one
    transaction, which also marks the upload imported (or leaves nothing)."""
    user, upload = _load(upload_id, user_id, UploadState.importing)
    if upload is None:
        return
    cycle, data, filename = upload.cycle, upload.data, upload.filename
    progress = Progress(upload_id, UploadState.importing)
    refusal = cycle_refusal(cycle)
    parsed = None
    if refusal is None:
        parsed = read(cycle, data, filename, progress)
        progress.beat(force=True)  # the store that follows says nothing until it ends
        # One writer of the cycle's respondents from here to the commit: the
        # checks against what it holds and the store see the same respondents.
        lock_cycle(cycle)
        refusal = check_against_cycle(cycle, user, data, parsed)
    if refusal is not None or not parsed.ok:
        db.session.rollback()
        _move(upload_id, UploadState.importing, state=UploadState.refused, data=b"",
              checked=refused(parsed, refusal))
        db.session.commit()
        return
    batch, count = store_batch(cycle, user, parsed, filename, importer.fingerprint(data))
    audit.record("import", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{count} respondents, import {batch.id}", user=user)
    if not _move(upload_id, UploadState.importing, state=UploadState.imported, data=b"",
                 checked={"count": count}):
        # The upload was dropped meanwhile (its page found the job silent too
        # long, and said nothing was imported): so nothing is.
        db.session.rollback()
        return
    db.session.commit()


def store_batch(cycle: SurveyCycle, user: User, parsed: importer.Parsed, filename: str,
                 fingerprint: str, source: str = "file") -> tuple[ImportBatch, int]:
    """Store the checked respondents as one import, with their keys (within the
    caller's transaction, under ``lock_cycle``)."""
    batch = ImportBatch(cycle_id=cycle.id, imported_by=user, filename=filename,
                        fingerprint=fingerprint, respondents=len(parsed.respondents),
                        source=source)
    db.session.add(batch)
    db.session.flush()
    count = store(cycle, parsed.respondents, batch_id=batch.id)
    keys = digest(cycle)
    remember_keys(cycle, {keys(r.key) for r in parsed.respondents if r.key}, batch.id)
    return batch, count


# --- fetched from KoboToolbox -----------------------------------------------------


@dataclass
class Pulled:
    """What a fetch from KoboToolbox came to: the respondents imported (0: none
    new), or why nothing was: KoboToolbox's error, the cycle's refusal, or the
    problems of the new submissions."""

    count: int = 0
    error: kobo.KoboError | None = None
    refusal: Refusal | None = None
    parsed: importer.Parsed | None = None
    #: The number KoboToolbox shows for the submission of each row, for problems.
    numbers: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.refusal is None and (
            self.parsed is None or self.parsed.ok)

    def as_data(self) -> dict:
        """What the page of the fetch shows, as plain data (for the upload row):
        codes and parameters, translated when shown."""
        if self.ok:
            return {"count": self.count}
        if self.error is not None:
            return {"kobo_error": [self.error.code, self.error.params]}
        if self.refusal is not None:
            return {"refusal": list(self.refusal)}
        shown = self.parsed.problems_as_data()
        rows = {row for row, _column, _code, _params in shown["problems"]}
        return {**shown, "numbers": {str(row): number for row, number in self.numbers.items()
                                     if row in rows}}

    @classmethod
    def from_data(cls, data: dict) -> Pulled:
        if "kobo_error" in data:
            code, params = data["kobo_error"]
            return cls(error=kobo.KoboError(code, **params))
        if "refusal" in data:
            return cls(refusal=tuple(data["refusal"]))
        if "problems" in data:
            return cls(parsed=importer.Parsed.from_problems_data(data),
                       numbers={int(row): number for row, number in data["numbers"].items()})
        return cls(count=data["count"])


def _fetch(upload_id: str, user_id: int) -> None:
    """Fetch the cycle's project's submissions and import those not imported
    before (by submission id, whichever way they came in), through the checks of
    a file: the mapping, the answers, the window, the headcount; all or none, as
    one import "from KoboToolbox". The fetch itself holds no lock; the import
    checks and stores under the cycle's lock, so two fetches at once import each
    submission once. Records the fetch in the audit trail, whatever came of it,
    and its outcome on the upload row, for its page."""
    user, upload = _load(upload_id, user_id, UploadState.importing)
    if upload is None:
        return
    cycle = upload.cycle
    link = db.session.scalar(scoped(KoboLink, user).where(KoboLink.cycle_id == cycle.id))
    token = crypto.unseal(crypto.key_from(current_app.config), link.token_sealed) \
        if link is not None else None
    if token is None:  # unlinked, or its key changed, since the fetch was asked
        raise LookupError("no readable link")
    outcome = _pull(cycle, link, user, token)
    if outcome.count:
        if not _move(upload_id, UploadState.importing, state=UploadState.imported,
                     checked=outcome.as_data()):
            db.session.rollback()  # dropped meanwhile as dead, and said so: so nothing is
            return
        db.session.commit()
        return
    db.session.rollback()  # nothing stored: the fetch is recorded, and when it worked
    if outcome.ok:
        link.last_fetched_at = utcnow()
    reason = ("error " + outcome.error.code if outcome.error else
              "refused " + outcome.refusal[0] if outcome.refusal else
              "problems" if not outcome.ok else "0 respondents")
    audit.record("kobo_fetched", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=reason, user=user)
    _move(upload_id, UploadState.importing,
          state=UploadState.imported if outcome.ok else UploadState.refused,
          checked=outcome.as_data())
    db.session.commit()


def _pull(cycle: SurveyCycle, link: KoboLink, user: User, token: str) -> Pulled:
    if (refusal := cycle_refusal(cycle)) is not None:
        return Pulled(refusal=refusal)
    try:
        submissions = kobo.fetch_submissions(
            link.server_url, link.asset_uid, token,
            current_app.config["KOBO_TIMEOUT_SECONDS"])
    except kobo.KoboError as error:
        return Pulled(error=error)
    # From here to the commit, the only writer of the cycle's respondents.
    lock_cycle(cycle)
    known, keys = known_keys(cycle, user), digest(cycle)
    new = [s for s in submissions
           if keys(kobo.submission_key(s).removeprefix("uuid:")) not in known]
    if not new:
        return Pulled()
    parsed = check_rows(cycle, kobo.rows(new))
    numbers = {row: kobo.submission_number(s) for row, s in enumerate(new, start=2)}
    fingerprint = importer.fingerprint(
        "\n".join(sorted(kobo.submission_key(s) for s in new)).encode())
    refusal = check_against_cycle(cycle, user, b"", parsed, fingerprint)
    if refusal is not None or not parsed.ok:
        return Pulled(refusal=refusal, parsed=parsed, numbers=numbers)
    batch, count = store_batch(cycle, user, parsed, f"KoboToolbox {link.asset_uid}",
                                fingerprint, source="kobo")
    link.last_fetched_at = utcnow()
    audit.record("kobo_fetched", company_id=cycle.company_id, target=f"cycle {cycle.id}",
                 note=f"{count} respondents, import {batch.id}", user=user)
    return Pulled(count=count)


_JOBS = {"check": (_check, UploadState.checking), "import": (_import, UploadState.importing),
         "fetch": (_fetch, UploadState.importing)}

#: The longest a check or an import may take (a 36,000-row XLSX: some 30 s).
JOB_TIMEOUT = 600


def run(kind: str, upload_id: str, user_id: int) -> None:
    """The job (``jobs.enqueue``): the check (``"check"``) or the import
    (``"import"``) of the upload, or the fetch from KoboToolbox (``"fetch"``),
    as the user who uploaded it (or asked for the fetch), inside the app
    context its thread or worker gives it. Running it again does nothing: it
    acts only on an upload still in the job's state, and the import moves the
    state in the transaction that stores the respondents. Any failure leaves
    nothing imported and says so on the upload."""
    job, state = _JOBS[kind]
    try:
        job(upload_id, user_id)
    except Superseded:
        db.session.rollback()
    except Exception as error:  # noqa: BLE001 - any failure: nothing imported, said so
        db.session.rollback()
        # The kind of error only: its text may quote a value from the file.
        log.error("The %s of upload %s failed (%s): nothing was imported.", kind,
                  upload_id, type(error).__name__)
        _fail(upload_id, state)


def _fail(upload_id: str, state: UploadState) -> None:
    """Say on the upload that its job failed (and drop the file). If even that
    fails (the database is gone), its page finds the job silent and says so."""
    try:
        _move(upload_id, state, state=UploadState.failed, data=b"",
              checked={"during": state.value})
        db.session.commit()
    except Exception as error:  # noqa: BLE001
        db.session.rollback()
        log.error("Upload %s could not be marked failed (%s).", upload_id,
                  type(error).__name__)


def start(kind: str, upload_id: str, user_id: int) -> jobs.Handle:
    """Start the check or the import of the upload in the background (a thread,
    or the queue: ``jobs``). The caller has committed the upload's state. When
    the queue cannot be reached, the upload is marked failed (nothing imported)."""
    try:
        return jobs.enqueue("wsdialog.surveys.import_jobs:run", kind, upload_id, user_id,
                            timeout=JOB_TIMEOUT)
    except jobs.Unavailable:
        _fail(upload_id, _JOBS[kind][1])  # its page says it stopped: upload again
        return jobs.Ended()


def wait(job: jobs.Handle) -> bool:
    """Wait for the job up to ``IMPORT_WAIT_SECONDS``: True if it is done."""
    return job.wait(current_app.config["IMPORT_WAIT_SECONDS"])
