"""A large provider file never holds a web request: its check and its import run
in the background while the upload's page shows how far they are, and refreshes
itself. Here the request waits not at all (IMPORT_WAIT_SECONDS = 0), so every
upload takes that path; a gate holds a job where the test wants it."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from wsdialog import jobs
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import utcnow
from wsdialog.surveys import import_jobs, importer
from wsdialog.surveys.models import (
    AnswerTally,
    ImportBatch,
    PendingImport,
    RespondentKey,
    Response,
    SurveyCycle,
    UploadState,
)
from wsdialog.surveys.operations import lock_cycle

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-10", "IMPORT_WAIT_SECONDS": 0}


@pytest.fixture
def setup(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Pearl River"), name="Dongguan", headcount=200)
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    cycle = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), headcount=200)
    db.session.commit()
    return as_user(eva), cycle, eva


GOOD = (b"date,gender,WAGE_RUNS_OUT,CLEAN_WATER,respondent\n"
        b"2027-03-03,woman,yes,no,P-1\n"
        b"2027-03-04,man,no,yes,P-2\n"
        b"2027-03-08,,dk,,P-3\n")


class Gate(threading.Event):
    """Holds every job while it reads the file (after saying it has read 12,000
    rows), until ``set()``; ``reached`` is set once a job waits there."""

    def __init__(self):
        super().__init__()
        self.reached = threading.Event()


@pytest.fixture
def gate(monkeypatch):
    held = Gate()
    real = importer.read_table

    def read_table(data, filename, on_progress=None):
        if on_progress is not None:
            on_progress(12_000)
        held.reached.set()
        assert held.wait(10), "the test never opened the gate"
        return real(data, filename, on_progress)

    monkeypatch.setattr(importer, "read_table", read_table)
    yield held
    held.set()


def _count(model=Response) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _upload(client, cycle, data=GOOD, name="results.csv") -> str:
    response = f.upload_results(client, cycle, data, name)
    assert response.status_code == 303
    return response.headers["Location"]


def _held(gate: Gate) -> None:
    """Wait until a job is held at the gate."""
    assert gate.reached.wait(10)
    gate.reached.clear()


def test_a_slow_check_shows_its_progress_then_the_preview(setup, gate):
    client, cycle, _eva = setup
    page_url = _upload(client, cycle)
    assert "/import/" in page_url
    _held(gate)
    progress = client.get(page_url)
    text = progress.get_data(as_text=True)
    assert progress.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in text
    assert "Checking results.csv: 12,000 rows read…" in text
    # Refreshing the page starts nothing new: one job, still waiting at the gate.
    client.get(page_url)
    assert jobs.running() == 1
    # The cycle page leads back to it.
    assert "results.csv is being checked: see how far it is." in client.get(
        f"/cycles/{cycle.id}").get_data(as_text=True)
    gate.set()
    jobs.wait_for_all()
    preview = client.get(page_url).get_data(as_text=True)
    assert "3 respondents will be added" in preview
    assert "http-equiv" not in preview  # only the progress page refreshes itself
    assert _count() == 0


def test_a_double_confirmed_import_stores_the_file_once(setup, gate):
    client, cycle, _eva = setup
    page_url = _upload(client, cycle)
    gate.set()
    jobs.wait_for_all()
    gate.clear()  # hold the import now
    first = client.post(page_url + "/confirm")
    second = client.post(page_url + "/confirm")
    _held(gate)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"] == page_url
    progress = client.get(page_url).get_data(as_text=True)
    assert "Importing 3 respondents from results.csv…" in progress
    assert "http-equiv=\"refresh\"" in progress
    assert client.post(page_url + "/cancel").status_code == 303  # too late to cancel
    assert _count(PendingImport) == 1
    gate.set()
    jobs.wait_for_all()
    assert jobs.running() == 0
    done = client.get(page_url)
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/cycles/{cycle.id}")
    assert "3 respondents imported." in client.get(done.headers["Location"]).get_data(
        as_text=True)
    assert _count() == 3 and _count(ImportBatch) == 1 and _count(RespondentKey) == 3
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(
        AuditEntry.kind == "import")) == 1
    assert _count(PendingImport) == 0  # the file is not kept
    assert client.post(page_url + "/confirm").status_code == 404


def test_a_file_with_problems_ends_on_the_list_of_problems(setup, gate):
    client, cycle, _eva = setup
    rows = b"".join(b"2027-03-%02d,perhaps,no\n" % (1 + n % 9) for n in range(250))
    page_url = _upload(client, cycle, b"date,WAGE_RUNS_OUT,CLEAN_WATER\n" + rows)
    _held(gate)
    assert "rows read" in client.get(page_url).get_data(as_text=True)
    gate.set()
    jobs.wait_for_all()
    listing = client.get(page_url)
    text = listing.get_data(as_text=True)
    assert listing.status_code == 200
    assert "Nothing was imported. Please fix these problems" in text
    assert "Row 2, column WAGE_RUNS_OUT: 'perhaps' is not an answer" in text
    assert "And 50 more." in text  # 200 shown of 250
    assert _count(PendingImport) == 0 and _count() == 0


def test_a_refusal_is_shown_in_the_readers_language(setup, gate):
    client, cycle, eva = setup
    cycle.headcount = 2
    eva.locale = "nl"
    db.session.commit()
    page_url = _upload(client, cycle)
    gate.set()
    jobs.wait_for_all()
    text = client.get(page_url).get_data(as_text=True)
    assert "Met dit bestand komt de ronde op 3 respondenten" in text
    assert _count(PendingImport) == 0


@pytest.mark.parametrize(("state", "message"), [
    (UploadState.checking, "The check of stuck.csv stopped before it ended"),
    (UploadState.importing, "The import of stuck.csv stopped before it ended"),
])
def test_a_job_that_died_is_reported_and_its_file_dropped(setup, state, message):
    client, cycle, eva = setup
    upload = f._add(PendingImport(cycle_id=cycle.id, uploaded_by_id=eva.id,
                                  filename="stuck.csv", data=GOOD, state=state,
                                  updated_at=utcnow() - timedelta(minutes=3)))
    db.session.commit()
    page_url = f"/cycles/{cycle.id}/import/{upload.id}"
    response = client.get(page_url)
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert message in page and "Nothing was imported" in page
    assert _count(PendingImport) == 0 and _count() == 0
    assert not jobs.running()  # the page never starts a job


def test_a_job_still_alive_is_not_taken_for_dead(setup):
    client, cycle, eva = setup
    upload = f._add(PendingImport(cycle_id=cycle.id, uploaded_by_id=eva.id,
                                  filename="busy.csv", data=GOOD,
                                  state=UploadState.checking, progress=3000,
                                  updated_at=utcnow() - timedelta(seconds=30)))
    db.session.commit()
    page = client.get(f"/cycles/{cycle.id}/import/{upload.id}").get_data(as_text=True)
    assert "Checking busy.csv: 3,000 rows read…" in page
    assert _count(PendingImport) == 1 and not jobs.running()


def test_a_store_that_fails_midway_leaves_nothing_stored(setup, gate, monkeypatch):
    client, cycle, _eva = setup
    page_url = _upload(client, cycle)
    gate.set()
    jobs.wait_for_all()
    real = import_jobs.store

    def breaks_midway(cycle, respondents, batch_id=None):
        real(cycle, respondents[:2], batch_id=batch_id)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(import_jobs, "store", breaks_midway)
    assert client.post(page_url + "/confirm").headers["Location"] == page_url
    jobs.wait_for_all()
    done = client.get(page_url)
    assert done.status_code == 303
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "The import of results.csv stopped before it ended. Nothing was imported" in page
    assert _count() == 0 and _count(ImportBatch) == 0 and _count(RespondentKey) == 0
    assert _count(AnswerTally) == 0 and _count(PendingImport) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 0


def test_another_persons_upload_stays_out_of_reach(setup, gate, as_user):
    client, cycle, _eva = setup
    page_url = _upload(client, cycle)
    colleague = f.user(company=cycle.company, name="Tom")
    db.session.commit()
    other = as_user(colleague)
    seen = other.get(page_url, follow_redirects=True).get_data(as_text=True)
    assert "results.csv" not in seen and "has expired" in seen
    assert other.post(page_url + "/confirm").status_code == 404
    assert other.post(page_url + "/cancel").status_code == 404
    gate.set()
    jobs.wait_for_all()
    assert _count(PendingImport) == 1 and _count() == 0


def test_reading_and_checking_say_how_far_they_are():
    lines = ["date,Q1"] + ["2027-03-02,yes"] * 2500
    read: list[int] = []
    rows = importer.read_table("\n".join(lines).encode(), "r.csv", read.append)
    assert read == [1000, 2000]  # rows read, the header included
    checked: list[int] = []
    parsed = importer.parse_table(rows, ["Q1"], on_progress=checked.append)
    assert parsed.ok and checked == [1000, 2000]


def test_an_import_read_while_someone_looks_at_the_results_is_refused(setup, gate, app,
                                                                     as_user):
    """Issue 20, attack 4: the job read the file while a colleague opened the
    results (their respondents became final); it checks the cycle again under
    the lock, after its read, and stores nothing."""
    client, cycle, eva = setup
    app.config["FIXED_TODAY"] = "2027-03-20"  # closed: a late file may still come in
    page_url = _upload(client, cycle)
    gate.set()
    jobs.wait_for_all()
    gate.clear()  # hold the import while it reads
    assert client.post(page_url + "/confirm").status_code == 303
    _held(gate)
    assert as_user(eva).get(f"/cycles/{cycle.id}/results").status_code == 200  # a colleague
    db.session.expire_all()
    assert cycle.figures_shown_on == date(2027, 3, 20)
    gate.set()
    jobs.wait_for_all()
    refused = client.get(page_url)
    assert refused.status_code == 409
    assert "Someone has seen the results of this cycle" in refused.get_data(as_text=True)
    assert _count() == 0 and _count(ImportBatch) == 0 and _count(AnswerTally) == 0


def test_the_cycle_lock_holds_off_a_look_at_the_figures_until_commit(setup):
    """The lock an import stores under is real on every database (on SQLite,
    whose pysqlite begins transactions only at the first write, it is BEGIN
    IMMEDIATE): nobody records the figures as shown in between."""
    _client, cycle, _eva = setup
    lock_cycle(cycle)
    mark = sa.update(SurveyCycle).where(SurveyCycle.id == cycle.id).values(
        figures_shown_on=date(2027, 3, 20))
    with db.engine.connect() as other:
        sqlite = other.dialect.name == "sqlite"
        other.exec_driver_sql("PRAGMA busy_timeout=100" if sqlite
                              else "SET lock_timeout = '100ms'")
        with pytest.raises(sa.exc.OperationalError):
            other.execute(mark)
        other.rollback()  # PostgreSQL: the SET goes with it
        db.session.commit()  # the lock goes with the transaction
        other.execute(mark)
        other.commit()
        if sqlite:
            other.exec_driver_sql("PRAGMA busy_timeout=30000")
