"""A cycle linked to a KoboToolbox project fetches its new submissions: tested
against a stand-in that answers as KoboToolbox's data API (v2) does, started for
real on 127.0.0.1 (CI has no internet), with its paging and its token check.

A fetch imports each submission once, through the checks of a file (all or
nothing, the problem named); a wrong token, an unknown project or a broken answer
changes nothing; only the servers the instance allows are ever called; the token
is stored encrypted and never shown again; only those who may import into the
cycle reach any of it."""

from __future__ import annotations

import json
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from wsdialog import crypto
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Role, User
from wsdialog.surveys import kobo
from wsdialog.surveys.models import CycleOwner, ImportBatch, KoboLink, Response

from .. import factories as f
from . import test_import_steps

UID = "aBcD3fGh5jKlMn7pQrStUv"
TOKEN = "3f9a1c0e5b7d2468ace0b1d3f5a7c9e2b4d6f8a0"
FORM_VERSION = "vKq3SxTgAPk9mfZ4"


def submission(number: int, day: str, wage: str = "yes", water: str = "no",
               **fields) -> dict:
    """One submission as KoboToolbox's data API gives it (recorded from a project
    of the cycle's XLSForm, with its questions moved into a group): the form's
    fields by name, a group's with its prefix, a field left empty absent, and the
    tool's own fields."""
    uuid = f"5b1e7c1a-3f0e-4d8b-9c55-{number:012d}"
    return {
        "_id": 61000 + number,
        "formhub/uuid": "0c3e5a7b9d1f4e2a8c6b0d2f4a6c8e0b",
        "date": day,
        "group_work/WAGE_RUNS_OUT": wage,
        "group_work/CLEAN_WATER": water,
        "gender": "woman",
        "age_band": "25_34",
        **fields,
        "__version__": FORM_VERSION,
        "meta/instanceID": f"uuid:{uuid}",
        "meta/rootUuid": f"uuid:{uuid}",
        "_xform_id_string": UID,
        "_uuid": uuid,
        "_attachments": [],
        "_status": "submitted_via_web",
        "_geolocation": [None, None],
        "_submission_time": f"{day}T09:12:44",
        "_tags": [],
        "_notes": [],
        "_validation_status": {},
        "_submitted_by": None,
    }


class KoboStandIn:
    """KoboToolbox's data API for one project: ``submissions``, served
    ``page_size`` at a time, to the holder of ``token`` only."""

    def __init__(self):
        self.submissions: list[dict] = []
        self.token, self.uid, self.page_size = TOKEN, UID, 2
        self.broken = False  # answers a maintenance page instead of JSON
        self.next_elsewhere = False  # its "next" points at another server
        self.delay = 0.0  # seconds before each answer (a slow link)
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.stand_in = self
        self.url = f"http://127.0.0.1:{self.server.server_port}"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's API)
        stand_in: KoboStandIn = self.server.stand_in
        stand_in.requests.append(self.path)
        time.sleep(stand_in.delay)
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if self.headers.get("Authorization") != f"Token {stand_in.token}":
            return self._json(401, {"detail": "Invalid token."})
        if parts.path != f"/api/v2/assets/{stand_in.uid}/data.json":
            return self._json(404, {"detail": "Not found."})
        if stand_in.broken:
            return self._send(200, b"<html><body>Down for maintenance</body></html>",
                              "text/html")
        start = int(query.get("start", ["0"])[0])
        limit = int(query.get("limit", [str(stand_in.page_size)])[0])
        results = stand_in.submissions[start:start + limit]
        base = "http://10.0.0.1" if stand_in.next_elsewhere else stand_in.url
        following = (f"{base}/api/v2/assets/{stand_in.uid}/data.json?format=json"
                     f"&limit={limit}&start={start + limit}"
                     if start + limit < len(stand_in.submissions) else None)
        return self._json(200, {"count": len(stand_in.submissions), "next": following,
                                "previous": None, "results": results})

    def _json(self, status: int, body: dict):
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, body: bytes, kind: str):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in():
    server = KoboStandIn()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
    thread.join(5)


@pytest.fixture
def app_config(app_config, stand_in):
    return {**app_config, "FIXED_TODAY": "2027-03-10", "KOBO_TIMEOUT_SECONDS": 5,
            "KOBO_SERVERS": ["https://kf.kobotoolbox.org", stand_in.url]}


# The brand's cycle of the import tests: three questions, open from March 1st to
# 14th, headcount 200; today is March 10th.
setup = test_import_steps.setup


def _count(model=Response) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _link(client, cycle, server, token=TOKEN, uid=UID):
    return client.post(f"/cycles/{cycle.id}/kobo", data={
        "server": server, "asset_uid": uid, "token": token, "submit": "1"})


def _fetch(client, cycle):
    return client.post(f"/cycles/{cycle.id}/kobo/fetch", data={"submit": "1"},
                       follow_redirects=True)


def _kinds() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEntry.kind).order_by(AuditEntry.id)))


def test_a_fetch_imports_each_submission_once(setup, stand_in):
    client, cycle = setup
    stand_in.submissions = [submission(1, "2027-03-02"),
                            submission(2, "2027-03-03", "no", "yes", contract="agency"),
                            submission(3, "2027-03-04", "dk", "")]
    assert _link(client, cycle, stand_in.url).status_code == 303
    page = _fetch(client, cycle).text
    assert "3 new submissions imported from KoboToolbox" in page
    assert "fetched from KoboToolbox by Eva" in page
    assert _count() == 3 and len(stand_in.requests) == 2  # two pages of two
    batch = db.session.scalar(sa.select(ImportBatch))
    assert batch.is_from_kobo and batch.respondents == 3 and batch.imported_by.name == "Eva"

    # Nothing new: said so, and no empty import.
    page = _fetch(client, cycle).text
    assert "KoboToolbox has no new submissions" in page
    assert _count() == 3 and _count(ImportBatch) == 1
    assert db.session.scalar(sa.select(KoboLink.last_fetched_at)) is not None

    # Two more came in: only they are imported.
    stand_in.submissions += [submission(4, "2027-03-08"), submission(5, "2027-03-09", "no")]
    assert "2 new submissions imported" in _fetch(client, cycle).text
    assert _count() == 5 and _count(ImportBatch) == 2
    assert _kinds() == ["kobo_linked", "kobo_fetched", "kobo_fetched", "kobo_fetched"]
    # The tool's own fields are kept nowhere.
    stored = "\n".join(repr(tuple(row)) for table in db.metadata.sorted_tables
                       for row in db.session.execute(sa.select(table)))
    assert FORM_VERSION not in stored and "5b1e7c1a" not in stored and "09:12:44" not in stored


def test_a_submission_imported_from_an_export_is_not_fetched_again(setup, stand_in):
    client, cycle = setup
    stand_in.submissions = [submission(1, "2027-03-02"), submission(2, "2027-03-03")]
    first = stand_in.submissions[0]
    export = ("date,WAGE_RUNS_OUT,CLEAN_WATER,_id,_uuid,meta/rootUuid\n"
              f"2027-03-02,yes,no,{first['_id']},{first['_uuid']},{first['meta/rootUuid']}\n")
    f.import_results(client, cycle, export.encode(), name="export.csv")
    assert _count() == 1
    _link(client, cycle, stand_in.url)
    assert "1 new submission imported" in _fetch(client, cycle).text
    assert _count() == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"token": "0" * 40}, "KoboToolbox refused the token"),
    ({"uid": "zZzZ9yYyY8xXxX7wWwWvVv"}, "KoboToolbox knows no project zZzZ9yYyY8xXxX7wWwWvVv"),
    ({"broken": True}, "could not be read as its data API answers"),
    ({"next_elsewhere": True}, "could not be read as its data API answers"),
])
def test_kobos_refusal_or_a_broken_answer_changes_nothing(setup, stand_in, change, message):
    client, cycle = setup
    stand_in.submissions = [submission(n, "2027-03-02") for n in range(1, 4)]
    _link(client, cycle, stand_in.url, token=change.get("token", TOKEN),
          uid=change.get("uid", UID))
    stand_in.broken = change.get("broken", False)
    stand_in.next_elsewhere = change.get("next_elsewhere", False)
    response = _fetch(client, cycle)
    assert response.status_code == 422 and message in response.text
    assert _count() == 0 and _count(ImportBatch) == 0
    assert db.session.scalar(sa.select(KoboLink.last_fetched_at)) is None
    assert _kinds()[-1] == "kobo_fetched"  # the attempt is in the trail
    if change.get("next_elsewhere"):  # the token never went to the other server
        assert len(stand_in.requests) == 1


def test_an_unreachable_server_changes_nothing(setup, stand_in):
    client, cycle = setup
    _link(client, cycle, stand_in.url)
    stand_in.server.shutdown()
    stand_in.server.server_close()
    response = _fetch(client, cycle)
    assert response.status_code == 422 and "KoboToolbox could not be reached" in response.text
    assert _count() == 0


@pytest.mark.parametrize("server", [
    "http://127.0.0.1:9", "https://kf.kobotoolbox.org.evil.example",
    "https://kf.kobotoolbox.org/api/v2/assets/x", "file:///etc/passwd",
    "https://user:pw@kf.kobotoolbox.org", "http://169.254.169.254"])
def test_only_the_servers_the_instance_allows(setup, server):
    client, cycle = setup
    response = _link(client, cycle, server)
    assert response.status_code == 422
    assert "Only these KoboToolbox servers may be used here" in response.text
    assert _count(KoboLink) == 0
    # An allowed one, written with a trailing slash or capitals, is the same server.
    assert _link(client, cycle, "https://KF.kobotoolbox.org/").status_code == 303
    assert db.session.scalar(sa.select(KoboLink.server_url)) == "https://kf.kobotoolbox.org"


def test_the_default_servers_are_kobotoolboxs_own(tmp_path):
    from wsdialog.config import load

    servers = load(str(tmp_path), {"WSDIALOG_SECRET_KEY": "x"})["KOBO_SERVERS"]
    assert servers == ["https://kf.kobotoolbox.org", "https://eu.kobotoolbox.org"]
    assert not kobo.allowed("http://localhost:8000", servers)


def test_a_bad_answer_in_one_submission_stores_nothing_and_is_named(setup, stand_in):
    client, cycle = setup
    stand_in.submissions = [submission(1, "2027-03-02"), submission(2, "2027-03-03", "maybe"),
                            submission(3, "2027-03-04")]
    _link(client, cycle, stand_in.url)
    response = _fetch(client, cycle)
    assert response.status_code == 422
    assert "Submission 61002, field WAGE_RUNS_OUT" in response.text
    assert "&#39;maybe&#39; is not an answer" in response.text
    assert _count() == 0 and _count(ImportBatch) == 0


def test_more_than_the_headcount_is_refused(setup, stand_in):
    client, cycle = setup
    cycle.headcount = 2
    db.session.commit()
    stand_in.submissions = [submission(n, "2027-03-02") for n in range(1, 4)]
    _link(client, cycle, stand_in.url)
    response = _fetch(client, cycle)
    assert response.status_code == 422 and "more than the site&#39;s headcount" in response.text
    assert _count() == 0


def test_nothing_is_fetched_before_the_survey_opens(setup, stand_in):
    client, cycle = setup
    cycle.starts_on, cycle.ends_on = date(2027, 4, 1), date(2027, 4, 14)
    db.session.commit()
    _link(client, cycle, stand_in.url)
    assert "accepts no answers now" in client.get(f"/cycles/{cycle.id}/kobo").text
    assert "This survey opens on" in _fetch(client, cycle).text
    assert stand_in.requests == []


def test_the_token_is_stored_encrypted_and_never_shown(setup, stand_in, app):
    client, cycle = setup
    _link(client, cycle, stand_in.url)
    sealed = db.session.scalar(sa.select(KoboLink.token_sealed))
    assert TOKEN.encode() not in sealed and TOKEN[:12].encode() not in sealed
    with db.engine.connect() as connection:  # as the database holds it
        raw = connection.scalar(sa.text("SELECT token_sealed FROM kobo_link"))
    assert TOKEN.encode() not in bytes(raw)
    assert crypto.unseal(crypto.key_from(app.config), sealed) == TOKEN
    page = client.get(f"/cycles/{cycle.id}/kobo").text
    assert TOKEN not in page and "A token is stored" in page
    # Saved without a token: the stored one stays. With one: replaced, audited.
    assert _link(client, cycle, stand_in.url, token="").status_code == 303
    assert db.session.scalar(sa.select(KoboLink.token_sealed)) == sealed
    assert _link(client, cycle, stand_in.url, token="new" + TOKEN[3:]).status_code == 303
    db.session.expire_all()
    assert db.session.scalar(sa.select(KoboLink.token_sealed)) != sealed
    assert _kinds() == ["kobo_linked", "kobo_token_replaced"]
    # Under another key (the secret key rotated), the token must be entered again.
    app.config["ENCRYPTION_KEY"] = "another key"
    assert "can no longer be read" in _fetch(client, cycle).text
    client.post(f"/cycles/{cycle.id}/kobo/remove", data={"submit": "1"})
    assert _count(KoboLink) == 0 and _kinds()[-1] == "kobo_unlinked"


def test_a_link_needs_a_token_and_a_project_id(setup, stand_in):
    client, cycle = setup
    assert _link(client, cycle, stand_in.url, token="").status_code == 422
    assert _link(client, cycle, stand_in.url, uid="../../users").status_code == 422
    assert _count(KoboLink) == 0


@pytest.fixture
def others(setup, as_user):
    """A joint cycle's co-owner, another company, a provider that does not run
    the cycle, and the provider that does."""
    client, cycle = setup
    linde, hanze = f.company("Linde"), f.company("Hanze")
    fair = f.provider(None, "FairVoice", agreed=(cycle.company,))
    other = f.provider(None, "Other Surveys", agreed=(cycle.company,))
    cycle.provider_id = fair.id
    db.session.add(CycleOwner(cycle=cycle, company=linde, invited_on=date(2027, 2, 1),
                              invited_by=db.session.scalar(sa.select(User).where(
                                  User.name == "Eva")), accepted=True))
    db.session.commit()
    return {"co_owner": as_user(f.user(company=linde)),
            "another_brand": as_user(f.user(company=hanze, admin=True)),
            "another_provider": as_user(f.user(Role.provider, provider=other)),
            "provider": as_user(f.user(Role.provider, provider=fair, name="Ana"))}


@pytest.mark.parametrize("who", ["co_owner", "another_brand", "another_provider"])
def test_only_those_who_import_into_the_cycle_reach_it(setup, stand_in, others, who):
    _client, cycle = setup
    stand_in.submissions = [submission(1, "2027-03-02")]
    assert _link(others["provider"], cycle, stand_in.url).status_code == 303
    outsider = others[who]
    assert outsider.get(f"/cycles/{cycle.id}/kobo").status_code == 404
    assert _link(outsider, cycle, stand_in.url, token="x" * 40).status_code == 404
    assert outsider.post(f"/cycles/{cycle.id}/kobo/fetch",
                         data={"submit": "1"}).status_code == 404
    assert outsider.post(f"/cycles/{cycle.id}/kobo/remove",
                         data={"submit": "1"}).status_code == 404
    assert _count() == 0 and _count(KoboLink) == 1 and stand_in.requests == []


def test_the_provider_fetches_and_staff_only_where_allowed(setup, stand_in, others):
    client, cycle = setup
    stand_in.submissions = [submission(1, "2027-03-02")]
    ana = others["provider"]
    assert _link(ana, cycle, stand_in.url).status_code == 303
    page = _fetch(ana, cycle).text
    assert "1 new submission imported" in page and "fetched from KoboToolbox by Ana" in page
    # The company keeps its provider's files to the provider (the default): its
    # staff are sent back to the cycle's page, saying why.
    response = client.post(f"/cycles/{cycle.id}/kobo/fetch", data={"submit": "1"})
    assert response.status_code == 303 and "/kobo" not in response.headers["Location"]
    assert client.get(f"/cycles/{cycle.id}/kobo").status_code == 303


def test_submissions_become_a_files_rows():
    rows = kobo.rows([submission(1, "2027-03-02"),
                      {**submission(2, "2027-03-03"), "deeper/group/SAFE_EXITS": "no",
                       "_id": 9, "count": 3, "done": True}])
    assert rows[0] == ["date", "WAGE_RUNS_OUT", "CLEAN_WATER", "gender", "age_band",
                       "SAFE_EXITS", "count", "done", kobo.KEY_COLUMN]
    assert rows[1][:5] == ["2027-03-02", "yes", "no", "woman", "25_34"]
    assert rows[1][5] == "" and rows[2][5:8] == ["no", "3", "true"]
    assert rows[2][-1] == "uuid:5b1e7c1a-3f0e-4d8b-9c55-000000000002"


def test_two_people_linking_at_once_keep_the_first_link(setup, stand_in, monkeypatch):
    """The second of two simultaneous links (both saw no link yet) is told, and
    the first stays: one link per cycle, never a server error."""
    client, cycle = setup
    assert _link(client, cycle, stand_in.url, uid="aFirstProject1").status_code == 303
    from wsdialog.surveys import kobo_routes

    monkeypatch.setattr(kobo_routes.queries, "kobo_link", lambda _cycle: None)
    response = _link(client, cycle, stand_in.url, uid="aSecondProject2")
    assert response.status_code == 303
    monkeypatch.undo()
    page = client.get(response.headers["Location"]).text
    assert "Someone linked this cycle" in page
    assert db.session.scalar(sa.select(KoboLink.asset_uid)) == "aFirstProject1"


def test_a_slow_fetch_goes_on_in_the_background_and_its_page_follows_it(
        setup, stand_in, app):
    client, cycle = setup
    app.config["IMPORT_WAIT_SECONDS"] = 0  # the request does not wait for the job
    stand_in.submissions = [submission(n, "2027-03-02") for n in range(1, 4)]
    _link(client, cycle, stand_in.url)
    stand_in.delay = 1.5
    response = client.post(f"/cycles/{cycle.id}/kobo/fetch", data={"submit": "1"})
    assert response.status_code == 303
    page = response.headers["Location"]
    progress = client.get(page).text
    assert f"Fetching the new submissions of KoboToolbox {UID}" in progress
    assert f"KoboToolbox {UID} is being imported" in client.get(f"/cycles/{cycle.id}").text
    # Clicked again meanwhile: the same fetch is followed, no second one starts.
    again = client.post(f"/cycles/{cycle.id}/kobo/fetch", data={"submit": "1"})
    assert again.headers["Location"] == page
    for _ in range(100):
        outcome = client.get(page)
        if outcome.status_code != 200:
            break
        time.sleep(0.1)
    assert outcome.status_code == 303
    assert "3 new submissions imported" in client.get(outcome.headers["Location"]).text
    assert _count() == 3 and _count(ImportBatch) == 1
    assert len(stand_in.requests) == 2  # one fetch: two pages of two, asked once
    # Its outcome is shown once; the address is then gone.
    assert "has expired" in client.get(page, follow_redirects=True).text


def test_a_fetch_whose_job_died_says_fetch_again(setup, stand_in, app):
    from wsdialog.models import utcnow
    from wsdialog.surveys import operations
    from wsdialog.surveys.models import PendingImport

    client, cycle = setup
    _link(client, cycle, stand_in.url)
    eva = db.session.scalar(sa.select(User).where(User.name == "Eva"))
    fetch_id, _new = operations.start_fetch(cycle, eva, f"KoboToolbox {UID}")  # no job runs it
    db.session.execute(sa.update(PendingImport).values(updated_at=utcnow() - timedelta(minutes=5)))
    db.session.commit()
    page = client.get(f"/cycles/{cycle.id}/import/{fetch_id}", follow_redirects=True).text
    assert "The fetch from KoboToolbox stopped before it ended. Nothing was imported" in page
    # A silent fetch does not hold the next one back.
    stand_in.submissions = [submission(1, "2027-03-02")]
    assert "1 new submission imported" in _fetch(client, cycle).text
