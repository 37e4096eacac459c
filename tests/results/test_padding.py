"""Issue 20, attack 1: padding a small group. Whoever holds the survey link (the
factory manager: it is on the supplier's pages and the QR poster) or sends a
provider's file (brand staff) adds four answers of his own to a group of one
real worker, so that it reaches k = 5 and is shown, then subtracts his answers.
With exact figures he read the one worker's 20 answers. Every shown count is now
blurred (``results.anonymity``, rule 5): his subtraction is now wrong more
often than right, and never certain.

Each attack is run as the attacker runs it: his answers through the real survey
form (or the real import), the figures read off the page he is allowed to open."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f

CODES = [f"Q{i:02}" for i in range(1, 21)]
#: The one 55+ worker's answers: the attacker wants these.
HERS = [("yes", "no", "dk")[i % 3] for i in range(20)]
CATEGORIES = ("positive", "dont_know", "negative")


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}  # the survey is open


def _person(age, answers, channel="web"):
    return Respondent(answered_on=date(2027, 3, 2), channel=channel, language="en",
                      demographics={"gender": None, "age_band": age, "contract": None,
                                    "role": None},
                      answers={code: Answer(a) for code, a in zip(CODES, answers, strict=True)})


@pytest.fixture
def factory(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", headcount=40)
    version = f.published(company, "Survey", codes=CODES)
    cycle = f.cycle(company, site, version, headcount=40)
    manager = f.user(Role.supplier, supplier=supplier, name="Manager")
    db.session.commit()
    return eva, manager, cycle


def _category(question, answer: str) -> str:
    if answer == "dk":
        return "dont_know"
    return "negative" if answer == question.negative else "positive"


def _pad_through_the_survey(app, cycle, age):
    """The manager, holding the link, answers four times: age 55+, "don't know"."""
    client = app.test_client()
    for _ in range(4):
        page = client.get(f"/s/{cycle.public_token}").get_data(as_text=True)
        token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
        data = {"form_token": token, **dict.fromkeys(CODES, "dk")}
        if age:
            data["age_band"] = age
        assert client.post(f"/s/{cycle.public_token}", data=data).status_code == 303


def _read_page(client, url):
    """Per question, the shown counts of positive, don't know and negative, as the
    attacker works them out from the page (the shares times the answers); None
    for a question not shown."""
    body = client.get(url).get_data(as_text=True)
    shares = re.compile(
        r"Positive <strong>([\d.]+)%</strong> · Don't know\s*<strong>([\d.]+)%</strong> · "
        r"Negative <strong>([\d.]+)%</strong>\s*<span class=\"muted\">\((\d+) answers")
    rows = {}
    for code in CODES:
        start = body.index(f"Question {code}?")
        end = body.find("Question Q", start + 10)
        found = shares.search(body, start, end if end > 0 else len(body))
        rows[code] = None if found is None else tuple(
            round(float(share) / 100 * int(found.group(4))) for share in found.groups()[:3])
    return rows


def _subtract(row, his: dict[str, int]) -> str | None:
    """The attacker's reading of one question: her answer, when subtracting his
    own answers leaves exactly one."""
    rest = [n - his.get(category, 0) for n, category in zip(row, CATEGORIES, strict=True)]
    return CATEGORIES[rest.index(1)] if sorted(rest) == [0, 0, 1] else None


def _assert_nothing_certain(rows, cycle, his):
    shown = [(q, a) for q, a in zip(cycle.version.questions, HERS, strict=True)
             if rows[q.code] is not None]
    assert len(shown) >= 15, "the group is shown: the padding reached k"
    right = sum(_subtract(rows[q.code], his) == _category(q, answer) for q, answer in shown)
    # Subtracting read 20 of 20 before; now it mostly misleads. (That no shown
    # figure rules out any answer of hers is proven in test_protection_property.)
    assert right < len(shown) / 2, right


def test_padding_a_group_of_one_reveals_none_of_her_answers(app, factory, as_user):
    eva, manager, cycle = factory
    store(cycle, [_person("18_24", [("yes", "no")[(i + j) % 2] for j in range(20)])
                  for i in range(6)] + [_person("55_plus", HERS)])
    db.session.commit()
    _pad_through_the_survey(app, cycle, "55_plus")
    app.config["FIXED_TODAY"] = "2027-03-20"
    assert as_user(eva).post(f"/cycles/{cycle.id}/release").status_code == 303
    rows = _read_page(as_user(manager), f"/cycles/{cycle.id}/results?group=age_band:55_plus")
    _assert_nothing_certain(rows, cycle, {"dont_know": 4})


def test_padding_a_whole_small_cycle_reveals_none_of_her_answers(app, factory, as_user):
    eva, manager, cycle = factory
    store(cycle, [_person("55_plus", HERS)])  # the only real answer
    db.session.commit()
    _pad_through_the_survey(app, cycle, None)
    app.config["FIXED_TODAY"] = "2027-03-20"
    as_user(eva).post(f"/cycles/{cycle.id}/release")
    rows = _read_page(as_user(manager), f"/cycles/{cycle.id}/results")
    _assert_nothing_certain(rows, cycle, {"dont_know": 4})


def test_padding_through_a_made_up_provider_file_reveals_none_of_her_answers(
        app, factory, as_user):
    """Brand staff are the attacker here: four rows of their own in a provider's file."""
    eva, _manager, cycle = factory
    store(cycle, [_person("18_24", ["no"] * 20) for _ in range(6)]
          + [_person("55_plus", HERS)])
    db.session.commit()
    lines = ["date,age_band," + ",".join(CODES)]
    lines += [f"2027-03-0{day},55_plus," + ",".join(["dk"] * 20) for day in (2, 3, 4, 5)]
    brand = as_user(eva)
    assert f.import_results(brand, cycle, ("\n".join(lines) + "\n").encode()).status_code in (
        200, 303)
    app.config["FIXED_TODAY"] = "2027-03-20"
    rows = _read_page(brand, f"/cycles/{cycle.id}/results?group=age_band:55_plus")
    _assert_nothing_certain(rows, cycle, {"dont_know": 4})
