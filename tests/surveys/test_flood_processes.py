"""A flood of a survey link against a real gunicorn with two worker processes:
the per-cycle limit is counted in the database, so it holds across processes
(each process counting alone would let twice as many through), and brand staff
are told."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.surveys import guard
from wsdialog.surveys.models import HeldResponse, Response, SurveyAlert

from .. import factories as f
from ..servers import serve

#: Each test starts real server processes.
pytestmark = pytest.mark.slow


@pytest.fixture
def gunicorn(app, database_url, tmp_path):
    # Server errors (a 500 in the flood) are printed with a failing test.
    with serve(database_url, tmp_path) as base:
        yield base


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get_token(url: str) -> str:
    page = urllib.request.urlopen(url, timeout=10).read().decode()  # noqa: S310
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def _post(url: str, token: str) -> int:
    data = urllib.parse.urlencode({"form_token": token, "WAGE_RUNS_OUT": "yes"}).encode()
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(url, data=data, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def _open_survey(headcount: int):
    company = f.company("Noordwind")
    site = f.site(f.supplier(company), headcount=headcount)
    today = date.today()
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=headcount,
                    starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=10))
    db.session.commit()
    return cycle


def test_the_limit_holds_across_two_gunicorn_workers(app, gunicorn):
    cycle = _open_survey(40)
    url = f"{gunicorn}/s/{cycle.public_token}"
    limit = guard.per_minute_limit(40)  # 20
    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(lambda _i: _get_token(url), range(3 * limit)))
    # Start at the top of a minute's first half, so that the flood stays in one minute.
    while datetime.now().second > 40:
        time.sleep(1)
    started = datetime.now().replace(second=0, microsecond=0)
    with ThreadPoolExecutor(12) as pool:
        codes = list(pool.map(lambda token: _post(url, token), tokens))
    same_minute = datetime.now().replace(second=0, microsecond=0) == started
    db.session.commit()
    # Counted, or held for brand staff to review (from the burst on).
    kept = sum(db.session.scalar(sa.select(sa.func.count(model.id)).where(
        model.cycle_id == cycle.id)) for model in (Response, HeldResponse))
    assert codes.count(303) == kept and codes.count(429) == len(tokens) - kept
    if same_minute:
        assert kept == limit  # one shared count, not one per process (which gives 40)
    else:
        assert kept <= 2 * limit
    kinds = set(db.session.scalars(sa.select(SurveyAlert.kind).where(
        SurveyAlert.cycle_id == cycle.id)))
    assert kinds == {"burst", "limit", "held"}


def test_concurrent_answers_from_several_processes_are_all_stored(app, gunicorn):
    """Two gunicorn workers and twelve clients answer at once: no answer meets
    'database is locked' (SQLite: WAL, a busy timeout, writes that take the
    write lock first), and every answer told 'thank you' is stored, once."""
    cycle = _open_survey(5000)
    url = f"{gunicorn}/s/{cycle.public_token}"
    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(lambda _i: _get_token(url), range(150)))
    with ThreadPoolExecutor(12) as pool:
        codes = list(pool.map(lambda token: _post(url, token), tokens + tokens[:30]))
    db.session.commit()
    kept = db.session.scalar(sa.select(sa.func.count(Response.id)).where(
        Response.cycle_id == cycle.id))
    # Every post is answered "thank you" (a resent form too, stored once).
    assert codes == [303] * len(codes)
    assert kept == len(tokens)
