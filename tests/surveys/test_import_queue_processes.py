"""With a queue (WSDIALOG_QUEUE_URL), an import survives the web process: a real
gunicorn, a real redis-server and real ``flask worker`` processes. The web
process is killed right after it accepted the confirmation, and a worker started
later stores every respondent, once; a worker killed in the middle of an import
leaves nothing stored, and the upload's page then says the import stopped, so
that the file is uploaded again. A fetch from KoboToolbox is such a job too.
(RQ does not run a dead worker's job again: an
import is enqueued without retries, and RQ's maintenance later files it as
failed. A retry could not do better: the page has meanwhile told the person.)"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from redis import Redis
from rq import Queue

from wsdialog import jobs
from wsdialog.extensions import db
from wsdialog.models import utcnow
from wsdialog.surveys.models import ImportBatch, PendingImport, Response, UploadState

from .. import factories as f
from ..servers import app_env, kill, start_gunicorn, start_worker, stop

#: Each test starts real server processes.
pytestmark = pytest.mark.slow

#: Enough rows that an import takes a few seconds (its store is one transaction).
ROWS = 12_000


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A person's browser against the server: cookies, the form token, no
    redirect followed (the test reads where it leads)."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
        self.token = ""

    def open(self, path: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(  # noqa: S310 (http://127.0.0.1 only)
            self.base + path, data=data, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        page = response.read().decode()
        if found := re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page):
            self.token = found.group(1)
        return response.status, response.headers.get("Location", ""), page

    def post(self, path: str, **fields: str):
        return self.open(path, urllib.parse.urlencode(
            {"csrf_token": self.token, **fields}).encode())

    def upload(self, path: str, filename: str, data: bytes):
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
                f"{self.token}\r\n--{boundary}\r\nContent-Disposition: form-data; "
                f"name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n"
                ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
        return self.open(path, body, {
            "Content-Type": f"multipart/form-data; boundary={boundary}"})

    def log_in(self, email: str) -> None:
        self.open("/login")
        status, _location, _page = self.post("/login", email=email, password=f.PASSWORD)
        assert status == 303


def _results(rows: int) -> bytes:
    """A provider's file of ``rows`` respondents, answered in the last days."""
    day = date.today() - timedelta(days=1)
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER,respondent"]
    lines += [f"{day},{('woman', 'man')[n % 2]},{('yes', 'no', 'dk')[n % 3]},"
              f"{('no', 'yes')[n % 2]},P-{n}" for n in range(rows)]
    return "\n".join(lines).encode()


@pytest.fixture
def cycle(app):
    company = f.company("Noordwind")
    f.user(company=company, name="Eva", admin=True, email="eva@noordwind.example")
    site = f.site(f.supplier(company), headcount=2 * ROWS)
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    today = date.today()
    cycle = f.cycle(company, site, version, headcount=2 * ROWS,
                    starts_on=today - timedelta(days=5), ends_on=today + timedelta(days=10))
    db.session.commit()
    return cycle


@pytest.fixture
def env(app, database_url, tmp_path, redis_url):
    # The request waits for no job: the page of the upload follows it.
    return app_env(database_url, tmp_path, QUEUE_URL=redis_url, IMPORT_WAIT_SECONDS="0")


def _upload_state(upload_id: str) -> UploadState | None:
    db.session.rollback()  # a fresh look at what the other processes wrote
    return db.session.scalar(sa.select(PendingImport.state).where(
        PendingImport.id == upload_id))


def _until(condition, seconds: float = 120) -> None:
    until = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < until, "waited too long"
        time.sleep(0.1)


def _count(model, cycle) -> int:
    db.session.rollback()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(
        model.cycle_id == cycle.id))


def _checked_upload(browser: Browser, cycle, data: bytes) -> str:
    """Upload the file and wait for the worker's check: the upload's id."""
    browser.open(f"/cycles/{cycle.id}")
    status, location, _page = browser.upload(f"/cycles/{cycle.id}/import", "results.csv", data)
    assert status == 303 and "/import/" in location
    upload_id = location.rstrip("/").rsplit("/", 1)[1]
    _until(lambda: _upload_state(upload_id) is not UploadState.checking)
    assert _upload_state(upload_id) is UploadState.ready
    return upload_id


def _confirm(browser: Browser, cycle, upload_id: str) -> None:
    page = f"/cycles/{cycle.id}/import/{upload_id}"
    assert browser.open(page)[0] == 200  # the preview, with its form's token
    status, location, _page = browser.post(page + "/confirm")
    assert status == 303 and location.endswith(page)


def test_an_import_confirmed_just_before_the_web_process_is_killed_is_stored_once(
        app, cycle, env, redis_url, tmp_path):
    server, base = start_gunicorn(env, tmp_path / "gunicorn.log")
    worker = start_worker(env, tmp_path / "worker.log")
    try:
        browser = Browser(base)
        browser.log_in("eva@noordwind.example")
        upload_id = _checked_upload(browser, cycle, _results(ROWS))
        stop(worker)  # no worker now: the import waits in Redis alone
        _confirm(browser, cycle, upload_id)
        kill(server)
        assert _upload_state(upload_id) is UploadState.importing
        worker = start_worker(env, tmp_path / "worker-2.log")
        _until(lambda: _upload_state(upload_id) is UploadState.imported)
        assert _count(Response, cycle) == ROWS and _count(ImportBatch, cycle) == 1
        # The same job again (an RQ retry, a second worker): nothing more is stored.
        again = Queue(jobs.QUEUE_NAME, connection=Redis.from_url(redis_url)).enqueue(
            "wsdialog.surveys.import_jobs.run", "import", upload_id, cycle.company.users[0].id)
        _until(lambda: again.get_status(refresh=True) == "finished")
        assert _count(Response, cycle) == ROWS and _count(ImportBatch, cycle) == 1
        assert _upload_state(upload_id) is UploadState.imported
    finally:
        stop(worker)
        kill(server)


def test_a_worker_killed_mid_import_stores_nothing_and_the_page_says_upload_again(
        app, cycle, env, redis_url, tmp_path):
    server, base = start_gunicorn(env, tmp_path / "gunicorn.log")
    stored = tmp_path / "stored"
    worker = start_worker({**env, "WSDIALOG_TEST_STORED": str(stored)},
                          tmp_path / "worker.log", module="tests.surveys.slow_worker")
    try:
        browser = Browser(base)
        browser.log_in("eva@noordwind.example")
        data = _results(ROWS)
        upload_id = _checked_upload(browser, cycle, data)
        _confirm(browser, cycle, upload_id)
        # Every respondent is sent to the database, in the import's transaction.
        _until(stored.exists, 60)
        assert _upload_state(upload_id) is UploadState.importing
        kill(worker)
        # The transaction died with the process: nothing of the file is stored.
        assert _count(Response, cycle) == 0 and _count(ImportBatch, cycle) == 0
        assert _upload_state(upload_id) is UploadState.importing
        # A new worker does not take the dead one's job up again.
        worker = start_worker(env, tmp_path / "worker-2.log")
        time.sleep(3)
        assert _upload_state(upload_id) is UploadState.importing
        # Silent for longer than a living job ever is (import_jobs.STALE_AFTER): its
        # page says so, and the file is uploaded again.
        db.session.execute(sa.update(PendingImport).where(PendingImport.id == upload_id)
                           .values(updated_at=utcnow() - timedelta(minutes=5)))
        db.session.commit()
        status, location, _page = browser.open(f"/cycles/{cycle.id}/import/{upload_id}")
        assert status == 303 and location.endswith(f"/cycles/{cycle.id}")
        page = browser.open(f"/cycles/{cycle.id}")[2]
        assert "The import of results.csv stopped before it ended. Nothing was imported" in page
        again = _checked_upload(browser, cycle, data)
        _confirm(browser, cycle, again)
        _until(lambda: _upload_state(again) is UploadState.imported)
        assert _count(Response, cycle) == ROWS and _count(ImportBatch, cycle) == 1
    finally:
        stop(worker)
        kill(server)


def test_a_fetch_from_kobotoolbox_asked_just_before_the_web_process_is_killed_is_done_once(
        app, cycle, env, redis_url, tmp_path):
    from wsdialog import crypto
    from wsdialog.surveys.models import KoboLink

    from .test_kobo_pull import TOKEN, UID, KoboStandIn, submission
    stand_in = KoboStandIn()
    serving = threading.Thread(target=stand_in.server.serve_forever, daemon=True)
    serving.start()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    stand_in.submissions = [submission(n, yesterday) for n in range(1, 6)]
    db.session.add(KoboLink(cycle_id=cycle.id, server_url=stand_in.url, asset_uid=UID,
                            token_sealed=crypto.seal("test-secret-key", TOKEN),
                            linked_by_id=cycle.company.users[0].id))
    db.session.commit()
    env = {**env, "WSDIALOG_KOBO_SERVERS": stand_in.url}
    server, base = start_gunicorn(env, tmp_path / "gunicorn.log")
    worker = None
    try:
        browser = Browser(base)
        browser.log_in("eva@noordwind.example")
        browser.open(f"/cycles/{cycle.id}/kobo")
        status, location, _page = browser.post(f"/cycles/{cycle.id}/kobo/fetch", submit="1")
        assert status == 303 and "/import/" in location  # the fetch's page follows it
        fetch_id = location.rstrip("/").rsplit("/", 1)[1]
        kill(server)
        assert _upload_state(fetch_id) is UploadState.importing and not stand_in.requests
        worker = start_worker(env, tmp_path / "worker.log")
        _until(lambda: _upload_state(fetch_id) is UploadState.imported)
        assert _count(Response, cycle) == 5 and _count(ImportBatch, cycle) == 1
        assert db.session.scalar(sa.select(ImportBatch.source)) == "kobo"
        # The same job again: nothing more is stored.
        again = Queue(jobs.QUEUE_NAME, connection=Redis.from_url(redis_url)).enqueue(
            "wsdialog.surveys.import_jobs.run", "fetch", fetch_id, cycle.company.users[0].id)
        _until(lambda: again.get_status(refresh=True) == "finished")
        assert _count(Response, cycle) == 5 and _count(ImportBatch, cycle) == 1
    finally:
        if worker is not None:
            stop(worker)
        kill(server)
        stand_in.server.shutdown()
        stand_in.server.server_close()
