"""Joint dialogues: the owners of a joint cycle talk with the supplier together.
Each company's preparation (its notes, points, script) stays its own unless it
shares it, and its own notes of the meeting stay its own; the record and the
agreements are common to all owners and the supplier; an agreement names which
company acts; only the lead organises the meeting."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wsdialog.dialogues import operations
from wsdialog.dialogues.models import Action, AttentionPoint
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys.models import CycleOwner

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-04-10"}


@pytest.fixture
def joint(app):
    hanze, noordwind, linde = (f.company(n) for n in ("Hanze Workwear", "Noordwind",
                                                       "Linde Outdoor"))
    ningbo = f.supplier(name="Ningbo Outerwear", country="CN")
    for company in (hanze, noordwind):
        f.relate(company, ningbo, visible_to_members=True)
    f.relate(linde, ningbo)
    site = f.site(ningbo, name="Ningbo plant", headcount=60)
    people = {name: f.user(company=c, name=name, admin=True)
              for name, c in (("femke", hanze), ("eva", noordwind), ("pieter", linde))}
    people["chen"] = f.user(Role.supplier, supplier=ningbo, name="Chen")
    cycle = f.cycle(hanze, site, f.published(hanze, "Hanze survey"), headcount=60)
    db.session.add(CycleOwner(cycle=cycle, company=noordwind, invited_on=date(2027, 2, 1),
                              invited_by=people["femke"], accepted=True,
                              answered_on=date(2027, 2, 2), checked_on=date(2027, 3, 20)))
    cycle.results_shared_on = date(2027, 3, 21)
    db.session.commit()
    dialogue = operations.plan(
        cycle, people["femke"], starts=datetime(2027, 4, 2, 2, 0), minutes=90,
        timezone="Asia/Shanghai", language="en", place="", script="HANZE-SCRIPT",
        milestone_title="Dialogue")
    return people, dialogue, (hanze, noordwind)


def _prepare(client, dialogue, **values):
    data = {name: "" for name in ("audit_note", "expert_context", "open_questions",
                                  "solutions", "must_discuss", "look_beforehand", "script")}
    return client.post(f"/dialogues/{dialogue.id}/prepare", data={**data, **values})


def test_each_owners_preparation_stays_its_own_until_it_shares_it(joint, as_user):
    people, dialogue, _companies = joint
    femke, eva, chen = (as_user(people[n]) for n in ("femke", "eva", "chen"))
    _prepare(femke, dialogue, open_questions="HANZE-QUESTION", script="HANZE-SCRIPT")
    femke.post(f"/dialogues/{dialogue.id}/points", data={"text": "HANZE-POINT"})
    _prepare(eva, dialogue, open_questions="NOORDWIND-QUESTION")
    eva.post(f"/dialogues/{dialogue.id}/points", data={"text": "NOORDWIND-POINT"})

    hanze_page = femke.get(f"/dialogues/{dialogue.id}/prepare").text
    noordwind_page = eva.get(f"/dialogues/{dialogue.id}/prepare").text
    assert "HANZE-QUESTION" in hanze_page and "HANZE-POINT" in hanze_page
    assert "NOORDWIND" not in hanze_page
    assert "NOORDWIND-QUESTION" in noordwind_page and "NOORDWIND-POINT" in noordwind_page
    assert "HANZE" not in noordwind_page
    assert "HANZE" not in eva.get(f"/dialogues/{dialogue.id}/script").text
    for client in (femke, eva, chen):
        assert client.get(f"/dialogues/{dialogue.id}").status_code == 200
    assert "POINT" not in chen.get(f"/dialogues/{dialogue.id}").text

    _prepare(femke, dialogue, open_questions="HANZE-QUESTION", shared="y")
    shared = eva.get(f"/dialogues/{dialogue.id}/prepare").text
    assert "HANZE-QUESTION" in shared and "HANZE-POINT" in shared
    hanze_point = db.session.scalar(db.select(AttentionPoint).where(
        AttentionPoint.text == "HANZE-POINT"))
    assert eva.post(f"/points/{hanze_point.id}/edit", data={"text": "x"}).status_code == 404
    assert eva.post(f"/points/{hanze_point.id}/remove").status_code == 404
    assert eva.post(f"/points/{hanze_point.id}/sector", data={
        "sector_theme": "wages", "sector_country": "CN"}).status_code == 404
    assert "NOORDWIND" not in femke.get(f"/dialogues/{dialogue.id}/prepare").text


def test_the_record_and_agreements_are_common_and_private_notes_private(joint, as_user):
    people, dialogue, (hanze, _noordwind) = joint
    femke, eva, chen = (as_user(people[n]) for n in ("femke", "eva", "chen"))
    eva.post(f"/dialogues/{dialogue.id}/points", data={"text": "NOORDWIND-POINT"})
    record = {"held_on": "2027-04-02", "notes": "COMMON-NOTES", "openness": "open"}
    eva.post(f"/dialogues/{dialogue.id}/record", data={
        **record, "private_notes": "NOORDWIND-PRIVATE"})
    point = db.session.scalar(db.select(AttentionPoint).where(
        AttentionPoint.text == "NOORDWIND-POINT"))
    eva.post(f"/dialogues/{dialogue.id}/record", data={
        **record, "private_notes": "NOORDWIND-PRIVATE", f"notes-{point.id}": "SAID-ABOUT-IT"})
    femke.post(f"/dialogues/{dialogue.id}/record", data={**record,
                                                         "private_notes": "HANZE-PRIVATE"})
    hanze_record = femke.get(f"/dialogues/{dialogue.id}/record").text
    noordwind_record = eva.get(f"/dialogues/{dialogue.id}/record").text
    assert "COMMON-NOTES" in hanze_record and "COMMON-NOTES" in noordwind_record
    assert "HANZE-PRIVATE" in hanze_record and "NOORDWIND" not in hanze_record
    assert "NOORDWIND-PRIVATE" in noordwind_record and "HANZE-PRIVATE" not in noordwind_record
    db.session.expire_all()
    assert point.notes == "SAID-ABOUT-IT"  # the lead's save left a point it cannot see alone

    response = eva.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Confirm orders eight weeks ahead", "owner": "brand",
        "acting_company": str(hanze.id), "due_on": "2027-09-01"})
    assert response.status_code == 303
    action = db.session.scalar(db.select(Action))
    assert action.company_id == hanze.id
    for client in (femke, eva, chen):
        page = client.get(f"/dialogues/{dialogue.id}").text
        assert "Confirm orders eight weeks ahead" in page and "Hanze Workwear" in page
        assert client.get(f"/actions/{action.id}").status_code == 200
    assert "Confirm orders" in eva.get("/actions").text


def test_only_the_lead_organises_and_a_third_member_sees_nothing(joint, as_user):
    people, dialogue, _companies = joint
    eva, pieter = as_user(people["eva"]), as_user(people["pieter"])
    for path in ("move", "cancel", "no-show", "proposal/accept"):
        assert eva.post(f"/dialogues/{dialogue.id}/{path}").status_code == 404, path
    assert eva.get(f"/dialogues/{dialogue.id}/invite").status_code == 404
    lead_participant = dialogue.participants[0]
    assert eva.post(f"/participants/{lead_participant.id}/remove").status_code == 404
    assert eva.get(f"/cycles/{dialogue.cycle_id}/dialogues/new").status_code == 404
    for url in (f"/dialogues/{dialogue.id}", f"/dialogues/{dialogue.id}/prepare",
                f"/dialogues/{dialogue.id}/record", f"/dialogues/{dialogue.id}/script"):
        assert pieter.get(url).status_code == 404, url
    assert "Ningbo" not in pieter.get("/dialogues").text
    db.session.expire_all()
    assert dialogue.status.is_planned and len(dialogue.participants) == 1
