"""Copies of one push sent at the same moment to a real gunicorn with two worker
processes (a survey tool retrying after a timeout while the first try still
runs): its respondents are stored once."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from wsdialog.api.models import PROVIDER_SCOPES, ApiToken
from wsdialog.api.tokens import digest
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys.models import SurveyCycle, all_respondents

from .. import factories as f
from ..surveys.test_flood_processes import gunicorn  # noqa: F401 (the fixture)

pytestmark = pytest.mark.slow

SECRET = "wsd_test-concurrent-push"


def _push(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, method="POST", headers={  # noqa: S310
        "Authorization": f"Bearer {SECRET}", "Content-Type": "application/json"})
    try:
        return urllib.request.urlopen(request, timeout=30).status  # noqa: S310
    except urllib.error.HTTPError as error:
        return error.code


def test_concurrent_copies_of_a_push_store_it_once(app, gunicorn):  # noqa: F811
    company = f.company("Noordwind")
    site = f.site(f.supplier(company), headcount=200)
    provider = f.provider(company, "FairVoice", agreed=(company,))
    person = f.user(Role.provider, provider=provider, name="Ana")
    today = date.today()
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=200,
                    starts_on=today - timedelta(days=3), ends_on=today + timedelta(days=10))
    cycle.provider_id = provider.id
    db.session.add(ApiToken(provider_id=provider.id, name="tool", scopes=list(PROVIDER_SCOPES),
                            digest=digest(SECRET), created_by_id=person.id))
    db.session.commit()
    body = json.dumps({"respondents": [
        {"respondent": f"kobo-{i}", "date": (today - timedelta(days=1)).isoformat(),
         "answers": {"WAGE_RUNS_OUT": "no", "CLEAN_WATER": "yes"}} for i in range(40)]}).encode()
    url = f"{gunicorn}/api/v1/cycles/{cycle.id}/respondents"
    with ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(lambda _i: _push(url, body), range(6)))
    assert sorted(codes) == [200] * 5 + [201], codes
    db.session.expire_all()
    assert all_respondents(db.session.get(SurveyCycle, cycle.id)) == 40
