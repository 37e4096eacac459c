"""Issues that need a sector-wide solution: members mark points and agreements;
the coordinator sees a theme in a country once three members raised it, never
which point, supplier or company, and writes the MSI's response that every
member reads on the sector agenda."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.dialogues.models import Action, AttentionPoint, Dialogue
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.msi.sector import issues

from .. import factories as f


def test_a_theme_shows_from_three_members_on():
    two = [(1, "wages", "VN"), (1, "wages", "VN"), (2, "wages", "VN"), (3, "wages", "BD")]
    assert issues(two) == []
    found = issues([*two, (3, "wages", "VN")])
    assert [(i.theme, i.country, i.members, i.items) for i in found] == [("wages", "VN", 3, 4)]


@pytest.fixture
def members(app):
    coordinator = f.user(Role.coordinator, name="Sanne")
    found = []
    for name in ("SECRET-Alpha", "SECRET-Beta", "SECRET-Gamma"):
        company = f.company(name)
        staff = f.user(company=company, name=f"{name} staff")
        supplier = f.supplier(company, name=f"{name} supplier", country="VN")
        site = f.site(supplier, name=f"{name} site", country="VN")
        cycle = f.cycle(company, site, f.published(company, "Survey"),
                        starts_on=date(2027, 1, 1), ends_on=date(2027, 1, 14))
        dialogue = Dialogue(company=company, cycle=cycle, starts_at=date(2027, 2, 1),
                            minutes=60, timezone="Asia/Ho_Chi_Minh", language="en",
                            created_by=staff)
        dialogue.actions.append(Action(title=f"{name} living wage", owner="brand",
                                       due_on=date(2027, 6, 1), codes=["WAGE_RUNS_OUT"]))
        dialogue.points.append(AttentionPoint(kind="own", text=f"{name} wage point",
                                              company=company))
        db.session.add(dialogue)
        found.append((staff, dialogue))
    db.session.commit()
    return coordinator, found


def test_members_mark_issues_and_the_coordinator_sees_counts_and_answers(as_user, members):
    coordinator, found = members
    msi = as_user(coordinator)
    for staff, dialogue in found[:2]:
        client = as_user(staff)
        page = client.get(f"/actions/{dialogue.actions[0].id}").get_data(as_text=True)
        assert "Needs a sector-wide solution?" in page
        assert '<option selected value="wages">' in page  # from its indicator
        client.post(f"/actions/{dialogue.actions[0].id}/sector",
                    data={"sector_theme": "wages", "sector_country": "VN"})
    assert "No theme has been raised by enough members yet" in msi.get("/msi/sector").get_data(
        as_text=True)
    staff, dialogue = found[2]
    as_user(staff).post(f"/points/{dialogue.points[0].id}/sector",
                        data={"sector_theme": "wages", "sector_country": "VN"})
    page = msi.get("/msi/sector").get_data(as_text=True)
    assert "Wages · Vietnam" in page and "Raised by 3 member companies" in page
    assert "SECRET" not in page
    assert msi.post("/msi/sector", data={"theme": "wages", "country": "BD",
                                         "text": "x"}).status_code == 404
    saved = msi.post("/msi/sector", data={"theme": "wages", "country": "VN",
                                          "text": "A working group of buyers on wages."})
    assert saved.status_code == 303
    agenda = as_user(found[0][0]).get("/msi/sector-agenda").get_data(as_text=True)
    assert "A working group of buyers on wages." in agenda
    assert "SECRET-Alpha living wage" in agenda and "SECRET-Beta" not in agenda
    # Unmarking takes a member out again: two are not enough.
    as_user(staff).post(f"/points/{dialogue.points[0].id}/sector", data={"remove": "1"})
    assert "Raised by" not in msi.get("/msi/sector").get_data(as_text=True)


def test_the_suppliers_own_points_are_not_the_brands_to_mark(as_user, members):
    _coordinator, found = members
    staff, dialogue = found[0]
    dialogue.points[0].by_supplier = True
    db.session.commit()
    assert as_user(staff).post(f"/points/{dialogue.points[0].id}/sector", data={
        "sector_theme": "wages", "sector_country": "VN"}).status_code == 404


def test_lessons_across_members_show_from_three_members_on():
    from wsdialog.msi.learning import decline_reasons, strategies_before_joining

    two = [(1, ["fewer_orders"]), (2, ["fewer_orders", "no_capacity"])]
    assert decline_reasons(two) == []
    found = decline_reasons([*two, (3, ["no_capacity"]), (3, [])])
    assert [(x.code, x.members, x.count, x.of) for x in found] == [
        ("fewer_orders", 2, 2, 4), ("no_capacity", 2, 2, 4)]
    assert strategies_before_joining([(1, ["ambassador"]), (2, ["ambassador"])]) == []


def test_the_lessons_page_counts_and_names_no_one(as_user, members):
    from wsdialog.models import Supplier

    coordinator, found = members
    for staff, dialogue in found:
        supplier = db.session.get(Supplier, dialogue.site.supplier_id)
        engagement = f.engagement(staff.company, supplier, staff, stage="declined")
        db.session.flush()
        engagement.changes[-1].reasons = ["fewer_orders"]
    db.session.commit()
    page = as_user(coordinator).get("/msi/lessons").get_data(as_text=True)
    assert "We fear it could cost us orders" in page and "3 of 3 declines" in page
    assert "SECRET" not in page
    assert as_user(found[0][0]).get("/msi/lessons").status_code == 200
