"""A page that compares a cycle with the one before reads both cycles' answers:
showing it makes both cycles' respondents final, or a late file imported into
the earlier cycle (or an import removed from it) would show, through the
change since, what the late respondents answered."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_login import login_user

from wsdialog.extensions import db
from wsdialog.models import User
from wsdialog.results.dashboard import page_data, page_facts
from wsdialog.results.queries import NotRecorded
from wsdialog.surveys.models import ImportBatch, Response, SurveyCycle

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-07-01"}  # both cycles have closed


def _file(rows: int, start: date, water: str = "yes") -> bytes:
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER"]
    lines += [f"{start + timedelta(days=i % 10)},woman,{'yes' if i % 3 else 'no'},{water}"
              for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def two_cycles(app, as_user):
    """Cycle A (March) and cycle B (June) at one site, both closed and answered,
    neither released nor looked at yet; a dialogue about B to prepare."""
    from wsdialog.dialogues.models import Dialogue

    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Saigon Stitch"), name="Thu Duc", headcount=40)
    version = f.published(company, "Survey")
    a = f.cycle(company, site, version, starts_on=date(2027, 3, 1), ends_on=date(2027, 3, 14),
                headcount=40)
    b = f.cycle(company, site, version, starts_on=date(2027, 6, 1), ends_on=date(2027, 6, 14),
                headcount=40)
    dialogue = f._add(Dialogue(company=company, cycle=b, starts_at=datetime(2027, 8, 1, 3, 0),
                               minutes=90, timezone="Asia/Ho_Chi_Minh", language="en",
                               created_by=eva))
    db.session.commit()
    brand = as_user(eva)
    for cycle in (a, b):
        assert f.import_results(brand, cycle, _file(10, cycle.starts_on)).status_code == 303
    db.session.expire_all()
    assert a.figures_shown_on is None and b.figures_shown_on is None
    return brand, a, b, dialogue


PAGES_OF_B = {
    "results": "/cycles/{b}/results",
    "proposed points": "/dialogues/{dialogue}/prepare",
}
#: Pages about B that show no change since: they leave A as it was.
PAGES_OF_B_ALONE = {
    "export": "/cycles/{b}/results.csv",
    "poster": "/cycles/{b}/poster",
}


@pytest.mark.parametrize("page", PAGES_OF_B_ALONE.values(), ids=PAGES_OF_B_ALONE.keys())
def test_a_page_without_the_change_since_leaves_the_cycle_before_open_to_late_files(
        two_cycles, page):
    brand, a, b, _dialogue = two_cycles
    assert brand.get(page.format(b=b.id)).status_code == 200
    db.session.expire_all()
    assert b.figures_shown_on == date(2027, 7, 1) and a.figures_shown_on is None
    late = f.import_results(brand, a, _file(1, a.starts_on, water="no"), name="late.csv")
    assert late.status_code == 303


@pytest.mark.parametrize("page", PAGES_OF_B.values(), ids=PAGES_OF_B.keys())
def test_seeing_the_change_since_the_cycle_before_makes_it_final(two_cycles, page):
    brand, a, b, dialogue = two_cycles
    shown = brand.get(page.format(b=b.id, dialogue=dialogue.id))
    assert shown.status_code == 200
    db.session.expire_all()
    assert a.figures_shown_on == date(2027, 7, 1) and b.figures_shown_on == date(2027, 7, 1)
    late = f.import_results(brand, a, _file(1, a.starts_on, water="no"), name="late.csv")
    assert late.status_code == 409 and "Someone has seen the results" in late.get_data(
        as_text=True)
    first = db.session.scalar(sa.select(ImportBatch).where(ImportBatch.cycle_id == a.id))
    brand.post(f"/imports/{first.id}/remove")
    assert db.session.scalar(sa.select(sa.func.count(Response.id)).where(
        Response.cycle_id == a.id)) == 10


def test_figures_are_never_read_before_they_are_recorded_as_shown(two_cycles, app):
    """The rule holds in one place: a page that forgot the receipt fails, instead
    of showing figures a late import could still change."""
    _brand, a, b, _dialogue = two_cycles
    eva = db.session.scalar(sa.select(User).where(User.name == "Eva"))
    with app.test_request_context():
        login_user(eva)
        facts = page_facts(b, eva)
        assert facts.figures_from == [b, a]
        with pytest.raises(NotRecorded):
            page_data(facts)
        db.session.execute(sa.update(SurveyCycle).where(SurveyCycle.id == b.id)
                           .values(figures_shown_on=date(2027, 7, 1)))
        db.session.expire_all()
        with pytest.raises(NotRecorded):  # the cycle before is read too
            page_data(page_facts(b, eva))
