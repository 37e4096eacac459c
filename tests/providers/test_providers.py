"""Survey providers as organisations: registered by the coordinator for every
member or by a member for itself; a cycle is assigned only to a provider the
company signed a data-processing agreement with; the provider's people see the
cycles assigned to it (never a figure they did not bring, a supplier's details
or another provider's cycle) and upload their files; the company's own staff
upload into a provider's cycle only where the company allows it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from wsdialog import invitations
from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Invitation, Role
from wsdialog.providers.models import Provider
from wsdialog.surveys.models import ImportBatch

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-10"}  # the cycles are open


@pytest.fixture
def world(app):
    noordwind, linde = f.company("Noordwind"), f.company("Linde Outdoor")
    people = {"eva": f.user(company=noordwind, name="Eva", admin=True),
              "staff": f.user(company=noordwind, name="Joost"),
              "pieter": f.user(company=linde, name="Pieter", admin=True),
              "sanne": f.user(Role.coordinator, name="Sanne")}
    ningbo = f.supplier(noordwind, linde, name="Ningbo Outerwear", country="CN")
    site = f.site(ningbo, name="Ningbo plant", headcount=30)
    fair = f.provider(None, "FairVoice", agreed=(noordwind,))
    other = f.provider(None, "Other Surveys", agreed=(noordwind, linde))
    people["ana"] = f.user(Role.provider, provider=fair, name="Ana")
    people["olu"] = f.user(Role.provider, provider=other, name="Olu")
    cycle = f.cycle(noordwind, site, f.published(noordwind, "Survey"), headcount=30)
    linde_cycle = f.cycle(linde, site, f.published(linde, "Linde survey"),
                          starts_on=date(2027, 5, 1), ends_on=date(2027, 5, 14))
    db.session.commit()
    return people, cycle, linde_cycle, fair


def _file(rows: int) -> bytes:
    lines = ["date,gender,WAGE_RUNS_OUT,CLEAN_WATER"]
    lines += [f"2027-03-0{1 + i % 9},woman,{'yes' if i % 3 else 'no'},yes" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def test_a_cycle_goes_only_to_a_provider_with_an_agreement(world, as_user):
    people, cycle, linde_cycle, fair = world
    eva, pieter = as_user(people["eva"]), as_user(people["pieter"])
    assert eva.post(f"/cycles/{cycle.id}/provider", data={"provider": str(fair.id)}
                    ).status_code == 303
    db.session.expire_all()
    assert cycle.provider_id == fair.id and cycle.provider_name == "FairVoice"
    # Linde signed nothing with FairVoice: refused, nothing changes.
    pieter.post(f"/cycles/{linde_cycle.id}/provider", data={"provider": str(fair.id)})
    pieter.post(f"/cycles/{linde_cycle.id}/provider", data={"provider": "junk"})
    db.session.expire_all()
    assert linde_cycle.provider_id is None
    assert db.session.scalar(db.select(AuditEntry).where(
        AuditEntry.kind == "provider_assigned")).note == "FairVoice"


def test_the_providers_people_see_their_cycles_and_nothing_else(world, as_user):
    people, cycle, linde_cycle, fair = world
    cycle.provider_id = fair.id
    db.session.commit()
    ana, olu = as_user(people["ana"]), as_user(people["olu"])
    assert "Ningbo plant" in ana.get("/cycles").text
    page = ana.get(f"/cycles/{cycle.id}").text
    assert "FairVoice" in page and "Import a provider" in page and "Noordwind" in page
    assert ana.get("/").status_code == 302
    for url in (f"/cycles/{cycle.id}/results", f"/cycles/{cycle.id}/results.csv",
                f"/sites/{cycle.site_id}", f"/cycles/{linde_cycle.id}", "/suppliers",
                f"/sites/{cycle.site_id}/trends", "/dialogues", "/providers"):
        assert ana.get(url).status_code in (302, 404), url
    assert olu.get(f"/cycles/{cycle.id}").status_code == 404
    assert "Ningbo" not in olu.get("/cycles").text


def test_the_provider_uploads_and_the_company_sees_who(world, as_user):
    people, cycle, _linde_cycle, fair = world
    cycle.provider_id = fair.id
    db.session.commit()
    ana = as_user(people["ana"])
    response = f.import_results(ana, cycle, _file(12))
    assert response.status_code in (200, 303)
    batch = db.session.scalar(db.select(ImportBatch))
    assert batch.imported_by.name == "Ana" and batch.respondents == 12
    assert "Ana (FairVoice)" in as_user(people["eva"]).get(f"/cycles/{cycle.id}").text
    # A file that would pass the headcount: refused, without the count so far
    # (the web survey's answers are not the provider's figures).
    refused = f.import_results(ana, cycle, _file(25), name="more.csv").text
    shown = re.sub(r"<[^>]+>", " ", refused)  # the text, not a random token in a tag
    assert "more respondents than the site" in shown and not re.search(r"\b37\b", shown)


def test_company_staff_upload_into_a_providers_cycle_only_when_allowed(world, as_user):
    people, cycle, _linde_cycle, fair = world
    cycle.provider_id = fair.id
    db.session.commit()
    staff, eva = as_user(people["staff"]), as_user(people["eva"])
    refused = f.upload_results(staff, cycle, _file(5))
    assert refused.status_code == 303
    assert db.session.scalar(db.select(db.func.count(ImportBatch.id))) == 0
    assert "its people upload the files" in staff.get(f"/cycles/{cycle.id}").text
    assert staff.post("/settings/providers", data={"staff_may_upload": "y"}).status_code == 404
    eva.post("/settings/providers", data={"staff_may_upload": "y"})
    f.import_results(staff, cycle, _file(5))
    assert db.session.scalar(db.select(db.func.count(ImportBatch.id))) == 1
    assert db.session.scalar(db.select(AuditEntry).where(
        AuditEntry.kind == "staff_upload_setting")).note == "on"


def test_registering_inviting_and_agreeing(world, as_user):
    people, _cycle, _linde_cycle, _fair = world
    sanne, eva, pieter = (as_user(people[n]) for n in ("sanne", "eva", "pieter"))
    sanne.post("/providers", data={"name": "Union survey team", "channels": ["phone"],
                                   "contact": "x@union.example"})
    union = db.session.scalar(db.select(Provider).where(Provider.name == "Union survey team"))
    assert union.for_everyone
    eva.post("/providers", data={"name": "Noordwind's own vendor"})
    own = db.session.scalar(db.select(Provider).where(Provider.name == "Noordwind's own vendor"))
    assert own.company_id == people["eva"].company_id
    assert "Noordwind's own vendor" not in pieter.get("/providers").text
    assert pieter.get(f"/providers/{own.id}").status_code == 404
    assert "Union survey team" in pieter.get("/providers").text
    # Only who registered it keeps its facts and invites its people.
    assert eva.get(f"/providers/{union.id}/invite").status_code == 404
    assert sanne.post(f"/providers/{union.id}/invite", data={
        "name": "Uma", "email": "uma@union.example", "locale": "en"}).status_code == 200
    invitation = db.session.scalar(db.select(Invitation).where(
        Invitation.email == "uma@union.example"))
    uma = invitations.accept(invitation, "Uma", "a long enough password")
    db.session.commit()
    assert uma.is_provider and uma.provider_id == union.id
    # The company's agreement, by its admins.
    assert as_user(people["staff"]).post(f"/providers/{union.id}/agreement", data={
        "signed_on": "2027-01-02"}).status_code == 404
    eva.post(f"/providers/{union.id}/agreement", data={"signed_on": "2027-01-02"})
    assert "signed on" in eva.get("/providers").text
    eva.post(f"/providers/{union.id}/agreement", data={"signed_on": "not a day"})
    eva.post(f"/providers/{union.id}/agreement", data={"signed_on": ""})
    assert "none: no cycle can be assigned" in eva.get("/providers").text


def test_a_suppliers_doubt_goes_to_the_provider_and_everyone_sees_the_answer(world, as_user):
    people, cycle, _linde_cycle, fair = world
    chen = f.user(Role.supplier, supplier=cycle.site.supplier, name="Chen")
    cycle.provider_id = fair.id
    cycle.ends_on, cycle.results_shared_on = date(2027, 3, 8), date(2027, 3, 9)
    db.session.commit()
    supplier, ana, olu, eva = (as_user(u) for u in (chen, people["ana"], people["olu"],
                                                    people["eva"]))
    url = f"/cycles/{cycle.id}/provider-doubts"
    assert supplier.post(url, data={"text": ""}).status_code == 422
    supplier.post(url, data={"question_code": "WAGE_RUNS_OUT",
                             "text": "Workers may have read it as this month only"})
    from wsdialog.results.models import ProviderDoubt

    doubt = db.session.scalar(db.select(ProviderDoubt))
    assert olu.get(url).status_code == 404
    assert olu.post(f"/provider-doubts/{doubt.id}/answer", data={"answer": "x"}).status_code == 404
    assert eva.post(f"/provider-doubts/{doubt.id}/answer", data={"answer": "x"}).status_code == 404
    ana.post(f"/provider-doubts/{doubt.id}/answer", data={
        "answer": "The Chinese text says this month; we will reword it"})
    for client in (supplier, ana, eva):
        page = client.get(url).text
        assert "this month only" in page and "we will reword it" in page
    assert "A doubt about the data?" in supplier.get(f"/cycles/{cycle.id}/results").text
    assert ana.post(url, data={"text": "the provider asks itself"}).status_code == 200
    assert db.session.scalar(db.select(db.func.count(ProviderDoubt.id))) == 1
