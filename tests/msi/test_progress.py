"""The coordinator's console: how far each member has come, in counts only, with
a CSV for the annual report; each member sees exactly its own row."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wsdialog.dialogues.models import Action, ActionStatus, Dialogue, DialogueStatus
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.results.models import SharingWay, WorkerSharing

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-06-01"}


@pytest.fixture
def msi(app):
    coordinator = f.user(Role.coordinator, name="Sanne")
    noordwind, linde = f.company("Noordwind"), f.company("Linde")
    eva = f.user(company=noordwind, name="Eva", admin=True)
    supplier = f.supplier(noordwind, name="SECRET Saigon Stitch")
    site = f.site(supplier, name="SECRET Thu Duc")
    f.assessment(noordwind, eva, site, {"union": "no"})
    f.engagement(noordwind, supplier, eva, stage="joined")
    f.engagement(noordwind, f.supplier(noordwind, name="SECRET Dhaka"), eva, stage="declined")
    version = f.published(noordwind, "Survey")
    released = f.cycle(noordwind, site, version, starts_on=date(2027, 3, 1),
                       ends_on=date(2027, 3, 14))
    f.cycle(noordwind, site, version, starts_on=date(2027, 7, 1), ends_on=date(2027, 7, 14))
    released.release(eva, date(2027, 3, 20))
    db.session.flush()
    db.session.add(WorkerSharing(cycle_id=released.id, way=SharingWay.poster,
                                 shared_on=date(2027, 3, 25), recorded_by=eva))
    dialogue = Dialogue(company=noordwind, cycle=released, starts_at=date(2027, 4, 2),
                        minutes=60, timezone="Asia/Ho_Chi_Minh", language="en",
                        created_by=eva, status=DialogueStatus.held, held_on=date(2027, 4, 2))
    for title, status, due in (("SECRET pay", ActionStatus.done, date(2027, 5, 1)),
                               ("SECRET water", ActionStatus.planned, date(2027, 5, 1)),
                               ("SECRET hours", ActionStatus.in_progress, date(2027, 9, 1))):
        dialogue.actions.append(Action(title=title, owner="factory", due_on=due, status=status))
    db.session.add(dialogue)
    db.session.commit()
    return coordinator, eva, linde


def test_the_console_counts_each_members_progress_and_names_nothing_else(as_user, msi):
    coordinator, _eva, _linde = msi
    page = as_user(coordinator).get("/msi/progress")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "SECRET" not in body
    row = re.search(r"<th scope=\"row\">Noordwind</th>(.*?)</tr>", body, re.S).group(1)
    assert re.findall(r">(\d+)</td>", row) == [
        "1",  # site assessed
        "2", "1", "1",  # suppliers approached, joined, declined
        "1", "1", "1",  # cycles planned, run, released
        "1",  # dialogue held
        "1", "1", "1",  # agreements open, done, overdue
        "1"]  # results shared with workers
    linde = re.search(r"<th scope=\"row\">Linde</th>(.*?)</tr>", body, re.S).group(1)
    assert set(re.findall(r">(\d+)</td>", linde)) == {"0"}
    csv = as_user(coordinator).get("/msi/progress.csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    text = csv.get_data(as_text=True)
    assert text.splitlines()[1] == "Linde,0,0,0,0,0,0,0,0,0,0,0,0"
    assert text.splitlines()[2] == "Noordwind,1,2,1,1,1,1,1,1,1,1,1,1"
    assert "SECRET" not in text


def test_a_member_sees_exactly_its_own_row_and_nobody_else_opens_the_console(as_user, msi):
    coordinator, eva, _linde = msi
    own = as_user(eva).get("/msi/what-the-coordinator-sees").get_data(as_text=True)
    console = as_user(coordinator).get("/msi/progress").get_data(as_text=True)
    row = re.search(r"<th scope=\"row\">Noordwind</th>.*?</tr>", own, re.S).group(0)
    assert row in console and "Linde" not in own
    assert as_user(eva).get("/msi/progress").status_code == 404
    assert as_user(eva).get("/msi/progress.csv").status_code == 404
    assert as_user(coordinator).get("/msi/what-the-coordinator-sees").status_code == 404
