"""Two records of one factory: Noordwind entered Ningbo's plant on a record of its
own, Linde works with Ningbo's own record (where Chen logs in). Both sites carry
the same OS ID. Noordwind asks; only Chen's people answer; on confirmation
everything Noordwind holds about its copy moves to Ningbo's plant, in one go."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from wsdialog.audit import AuditEntry
from wsdialog.chooser.models import Assessment
from wsdialog.dialogues.models import Action, Dialogue, EvidenceFile
from wsdialog.extensions import db
from wsdialog.models import (
    LINKED,
    ContactPerson,
    Invitation,
    LinkState,
    Role,
    Site,
    SiteChange,
    SiteLinkRequest,
    StateError,
    SupplierRelationship,
    utcnow,
)
from wsdialog.onboarding.models import Engagement, Milestone, SitePriority, StageChange
from wsdialog.questionnaires.models import DraftShare, QuestionComment
from wsdialog.results.models import ResultsAccess
from wsdialog.suppliers import linking
from wsdialog.surveys.models import CycleOwner, SurveyCycle

from .. import factories as f

OS_ID = "CN2019303BQ3FZP"


@pytest.fixture
def ningbo(app):
    w = SimpleNamespace()
    w.noordwind, w.linde, w.hanze = f.company("Noordwind"), f.company("Linde"), f.company("Hanze")
    w.eva = f.user(company=w.noordwind, admin=True, name="Eva")
    w.ahmed = f.user(company=w.noordwind, name="Ahmed")
    w.pieter = f.user(company=w.linde, name="Pieter")
    w.femke = f.user(company=w.hanze, name="Femke")
    # Ningbo's own record, with its people, and Linde.
    w.record = f.supplier(w.linde, name="Ningbo Outerwear", country="CN")
    w.plant = f.site(w.record, name="Ningbo main plant", country="CN", region="Zhejiang",
                     os_id=OS_ID)
    w.chen = f.user(Role.supplier, supplier=w.record, name="Chen")
    w.linde_cycle = f.cycle(w.linde, w.plant, f.published(w.linde, "Linde survey"))
    # Noordwind's own copy of it.
    w.copy = f.supplier(name="Ningbo Outerwear Ltd", country="CN")
    f.relate(w.noordwind, w.copy, notes="Pays on time.", years=6, share=4)
    w.copy_site = f.site(w.copy, name="Ningbo factory", country="CN", region="Ningbo",
                         os_id=OS_ID)
    # A third supplier, with a person of its own.
    w.saigon = f.supplier(w.noordwind, name="Saigon Stitch")
    w.lan = f.user(Role.supplier, supplier=w.saigon, name="Lan")
    db.session.commit()
    return w


def _noordwind_data(w) -> SimpleNamespace:
    """Everything Noordwind holds about its copy, one row of each kind."""
    d = SimpleNamespace()
    relationship = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.copy.id))
    relationship.open_to_members("Eva, eva@noordwind.example")
    d.contact = f.contact(w.noordwind, w.copy, name="Mr Wang")
    version = f.published(w.noordwind, "Noordwind survey")
    d.cycle = f.cycle(w.noordwind, w.copy_site, version)
    d.access = f._add(ResultsAccess(cycle_id=d.cycle.id, supplier_id=w.copy.id))
    d.dialogue = f._add(Dialogue(company=w.noordwind, cycle=d.cycle,
                                 starts_at=datetime(2027, 4, 1, 2, 0), minutes=60,
                                 timezone="Asia/Shanghai", language="en", created_by=w.eva))
    d.action = f._add(Action(dialogue=d.dialogue, title="Fix the pay slips", owner="factory",
                             due_on=date(2027, 6, 1)))
    f.evidence(d.action, w.eva)
    d.evidence = d.action.updates[0].file
    d.evidence.company_id, d.evidence.supplier_id = None, w.copy.id  # the supplier's file
    d.assessment = f.assessment(w.noordwind, w.eva, w.copy_site, {"union": "no"})
    d.milestone = f.milestone(w.noordwind, w.copy_site, "Kick-off at the factory")
    d.priority = f._add(SitePriority(company=w.noordwind, site=w.copy_site, country_risk=4,
                                     shortlisted=True))
    d.engagement = f.engagement(w.noordwind, w.copy, w.eva)
    d.ambassador_of = f.engagement(w.noordwind, w.saigon, w.eva)  # Ningbo told Saigon
    d.ambassador_of.ambassador = w.copy
    _q, draft = f.questionnaire(w.noordwind, "Noordwind draft")
    d.share = f._add(DraftShare(version=draft, supplier=w.copy, shared_by=w.eva))
    d.comment = f._add(QuestionComment(version=draft, question_code="", source="supplier",
                                       supplier=w.copy, text="Fine", author=w.eva))
    d.invitation = f.invitation(w.noordwind, w.eva, supplier=w.copy)
    db.session.add(SiteChange(site=w.copy_site, field="headcount", old_value=None,
                              new_value="800", changed_by=w.eva))
    db.session.commit()
    return d


def _ask(client, site):
    return client.post(f"/sites/{site.id}/link")


def _request(w) -> SiteLinkRequest:
    db.session.expire_all()
    return db.session.scalar(sa.select(SiteLinkRequest).filter_by(company_id=w.noordwind.id))


def _gone(row) -> bool:
    """Whether the row was deleted (read by its key: its attributes are expired)."""
    [key] = sa.inspect(row).identity
    return db.session.get(type(row), key) is None


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _kinds(company) -> list[str]:
    return list(db.session.scalars(sa.select(AuditEntry.kind).where(
        AuditEntry.company_id == company.id, AuditEntry.kind.like("site_link%"))
        .order_by(AuditEntry.id)))


# --- the happy path ---------------------------------------------------------------


def test_confirmed_the_company_works_on_the_suppliers_record_with_all_it_held(ningbo, as_user):
    w = ningbo
    d = _noordwind_data(w)
    copy_site_id = w.copy_site.id
    eva = as_user(w.eva)
    page = eva.get(f"/sites/{w.copy_site.id}").get_data(as_text=True)
    assert "Ask the supplier to confirm" in page
    assert "Ningbo main plant" not in page and "Ningbo Outerwear<" not in page
    assert _ask(eva, w.copy_site).status_code == 303
    page = eva.get(f"/sites/{w.copy_site.id}").get_data(as_text=True)
    assert "Waiting for the supplier's confirmation" in page
    assert "Ningbo main plant" not in page and "Chen" not in page

    chen = as_user(w.chen)
    home = chen.get("/").get_data(as_text=True)
    assert "Noordwind asks you to confirm that its record of a factory is your site " \
           "Ningbo main plant" in home
    requests = chen.get("/site-links").get_data(as_text=True)
    assert "Ningbo factory, Ningbo, China" in requests  # as Noordwind entered it
    assert "Ningbo main plant</a>,\n      Zhejiang, China" in requests
    link = _request(w)
    answered = chen.post(f"/site-links/{link.id}/confirm")
    assert answered.status_code == 303
    assert "Confirmed. Noordwind now works with Ningbo main plant" in chen.get(
        "/site-links").get_data(as_text=True)

    db.session.expire_all()
    link = _request(w)
    assert (link.state, link.answered_by_id, link.site_id) == (LinkState.confirmed, w.chen.id,
                                                               None)
    # Noordwind now works on Ningbo's record, with its relationship facts and contact.
    relationship = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.record.id))
    assert (relationship.years_of_relationship, relationship.purchase_share_pct,
            relationship.notes, relationship.visible_to_members,
            relationship.member_contact) == (6, 4, "Pays on time.", True,
                                             "Eva, eva@noordwind.example")
    assert db.session.get(ContactPerson, d.contact.id).supplier_relationship_id == \
        relationship.id
    # Everything it held about its copy points at Ningbo's plant and record.
    assert db.session.get(SurveyCycle, d.cycle.id).site_id == w.plant.id
    assert db.session.get(ResultsAccess, d.access.id).supplier_id == w.record.id
    assert db.session.get(EvidenceFile, d.evidence.id).supplier_id == w.record.id
    assert db.session.get(Dialogue, d.dialogue.id).cycle_id == d.cycle.id
    assert db.session.get(Assessment, d.assessment.id).site_id == w.plant.id
    assert db.session.get(Milestone, d.milestone.id).site_id == w.plant.id
    assert db.session.get(SitePriority, d.priority.id).site_id == w.plant.id
    assert db.session.get(Engagement, d.engagement.id).supplier_id == w.record.id
    assert db.session.get(Engagement, d.ambassador_of.id).ambassador_id == w.record.id
    assert db.session.get(DraftShare, d.share.id).supplier_id == w.record.id
    assert db.session.get(QuestionComment, d.comment.id).supplier_id == w.record.id
    invitation = db.session.get(Invitation, d.invitation.id)
    assert invitation.supplier_id == w.record.id and invitation.revoked_at is not None
    # Its copy is gone, with its history; Linde's survey stays where it was.
    assert _gone(w.copy_site) and _gone(w.copy)
    assert _count(SiteChange) == 1
    assert db.session.get(SurveyCycle, w.linde_cycle.id).site_id == w.plant.id
    note = db.session.scalar(sa.select(SiteChange).filter_by(site_id=w.plant.id))
    assert (note.field, note.changed_by_id) == (LINKED, w.chen.id)
    assert _kinds(w.noordwind) == ["site_link_asked", "site_link_confirmed"]

    # Noordwind sees the plant with its own survey; Linde sees the link in the
    # history, never who asked.
    plant = eva.get(f"/sites/{w.plant.id}").get_data(as_text=True)
    assert f"/cycles/{d.cycle.id}" in plant and "was joined with this site" in plant
    assert eva.get(f"/sites/{copy_site_id}").status_code == 404
    assert "Confirmed on" in eva.get("/site-links").get_data(as_text=True)
    linde = as_user(w.pieter).get(f"/sites/{w.plant.id}").get_data(as_text=True)
    assert "was joined with this site" in linde and "Noordwind" not in linde


def test_every_link_to_a_site_or_supplier_is_handled_by_the_link(app):
    """A table added later with a foreign key to a site or a supplier must be
    taken into ``operations.confirm_link`` (or named here as not the company's)."""
    handled = {
        ("survey_cycle", "site_id"), ("assessment", "site_id"), ("milestone", "site_id"),
        ("site_priority", "site_id"), ("results_access", "supplier_id"),
        ("agreement_evidence", "supplier_id"), ("engagement", "supplier_id"),
        ("engagement", "ambassador_id"), ("draft_share", "supplier_id"),
        ("question_comment", "supplier_id"), ("invitation", "supplier_id"),
        ("supplier_relationship", "supplier_id"), ("grievance_summary", "site_id"),
        ("effectiveness_check", "site_id"),
        # Not the company's: the supplier's own, the site's own history, the requests.
        ("site", "supplier_id"), ("user", "supplier_id"), ("site_change", "site_id"),
        ("site_link_request", "site_id"), ("site_link_request", "target_site_id"),
    }
    found = {(table.name, key.parent.name) for table in db.metadata.sorted_tables
             for key in table.foreign_keys if key.column.table.name in ("site", "supplier")}
    assert found == handled


# --- who reaches a request ----------------------------------------------------------


def test_only_the_asking_company_and_the_suppliers_people_reach_a_request(ningbo, as_user):
    w = ningbo
    _ask(as_user(w.ahmed), w.copy_site)
    link = _request(w)
    # Linde, which shares Ningbo's record, sees nothing of it.
    linde = as_user(w.pieter)
    assert "Noordwind" not in linde.get("/site-links").get_data(as_text=True)
    assert "Noordwind" not in linde.get(f"/sites/{w.plant.id}").get_data(as_text=True)
    assert linde.post(f"/site-links/{link.id}/withdraw").status_code == 404
    assert linde.post(f"/site-links/{link.id}/confirm").status_code == 404
    # The people of a third supplier neither.
    lan = as_user(w.lan)
    assert "Noordwind asks" not in lan.get("/").get_data(as_text=True)
    assert "Ningbo" not in lan.get("/site-links").get_data(as_text=True)
    for answer in ("confirm", "decline", "withdraw"):
        assert lan.post(f"/site-links/{link.id}/{answer}").status_code == 404
    # Noordwind's staff do not answer for the supplier, nor Chen withdraw.
    assert as_user(w.eva).post(f"/site-links/{link.id}/confirm").status_code == 404
    assert as_user(w.chen).post(f"/site-links/{link.id}/withdraw").status_code == 404
    assert _request(w).state is LinkState.open
    assert "Ningbo factory" in as_user(w.eva).get("/site-links").get_data(as_text=True)


def test_without_people_at_the_supplier_the_request_waits(ningbo, as_user):
    w = ningbo
    w.chen.active = False
    db.session.commit()
    eva = as_user(w.eva)
    _ask(eva, w.copy_site)
    assert "Waiting for the supplier's confirmation" in eva.get(
        f"/sites/{w.copy_site.id}").get_data(as_text=True)
    assert _request(w).state is LinkState.open


# --- no, and not any more -----------------------------------------------------------


def test_declined_the_company_hears_only_that(ningbo, as_user):
    w = ningbo
    d = _noordwind_data(w)
    eva = as_user(w.eva)
    _ask(eva, w.copy_site)
    link = _request(w)
    assert as_user(w.chen).post(f"/site-links/{link.id}/decline").status_code == 303
    link = _request(w)
    assert (link.state, link.answered_by_id) == (LinkState.declined, w.chen.id)
    page = eva.get(f"/sites/{w.copy_site.id}").get_data(as_text=True)
    assert "The supplier declined to confirm that this is the same factory" in page
    assert "Ask the supplier to confirm" not in page and "Chen" not in page
    assert "Ningbo main plant" not in eva.get("/site-links").get_data(as_text=True)
    # Nothing moved, and the supplier is not asked again about the same site.
    assert db.session.get(SurveyCycle, d.cycle.id).site_id == w.copy_site.id
    assert "No other record has a site" in eva.post(
        f"/sites/{w.copy_site.id}/link", follow_redirects=True).get_data(as_text=True)
    assert _count(SiteLinkRequest) == 1
    assert _kinds(w.noordwind) == ["site_link_asked", "site_link_declined"]


def test_withdrawn_it_can_no_longer_be_confirmed(ningbo, as_user):
    w = ningbo
    eva = as_user(w.eva)
    _ask(eva, w.copy_site)
    link = _request(w)
    withdrawn = eva.post(f"/site-links/{link.id}/withdraw", follow_redirects=True)
    assert "Your request is withdrawn" in withdrawn.get_data(as_text=True)
    assert "Ask the supplier to confirm" in withdrawn.get_data(as_text=True)  # may ask again
    refused = as_user(w.chen).post(f"/site-links/{link.id}/confirm", follow_redirects=True)
    assert "This request is no longer open" in refused.get_data(as_text=True)
    assert _request(w).state is LinkState.withdrawn
    assert db.session.get(Site, w.copy_site.id) is not None
    assert db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.record.id)) is None
    assert _kinds(w.noordwind) == ["site_link_asked", "site_link_withdrawn"]


def test_a_request_answered_once_refuses_a_second_answer(ningbo):
    w = ningbo
    now = utcnow()
    link = f._add(SiteLinkRequest(company=w.noordwind, site=w.copy_site, target_site=w.plant,
                                  asked_by=w.eva))
    link.confirm(w.chen, now)
    for answer, by in ((link.confirm, w.chen), (link.decline, w.chen), (link.withdraw, w.eva)):
        with pytest.raises(StateError):
            answer(by, now)
    withdrawn = f._add(SiteLinkRequest(company=w.noordwind, site=w.copy_site,
                                       target_site=w.plant, asked_by=w.eva))
    withdrawn.withdraw(w.eva, now)
    with pytest.raises(StateError):
        withdrawn.confirm(w.chen, now)
    assert (link.state, withdrawn.state) == (LinkState.confirmed, LinkState.withdrawn)


# --- already on the supplier's record, or not leaving its own ----------------------------


def test_a_company_already_on_the_record_keeps_its_relationship_and_gains_what_it_lacked(
        ningbo, as_user):
    w = ningbo
    d = _noordwind_data(w)
    kept = f.relate(w.noordwind, w.record, notes="Met them in Shanghai.", years=None, share=3)
    kept_priority = f._add(SitePriority(company=w.noordwind, site=w.plant, trust=2))
    kept_engagement = f.engagement(w.noordwind, w.record, w.eva, stage="candidate")
    kept_engagement.updated_at = datetime(2020, 1, 1)  # the copy's has the latest news
    db.session.commit()
    _ask(as_user(w.eva), w.copy_site)
    assert as_user(w.chen).post(f"/site-links/{_request(w).id}/confirm").status_code == 303
    db.session.expire_all()
    relationships = list(db.session.scalars(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id)))
    assert [r.supplier_id for r in relationships if r.supplier_id != w.saigon.id] == [
        w.record.id]
    kept = db.session.get(SupplierRelationship, kept.id)
    assert (kept.years_of_relationship, kept.purchase_share_pct, kept.notes,
            kept.visible_to_members) == (6, 3, "Met them in Shanghai.\n\nPays on time.", False)
    assert [c.name for c in kept.contacts] == ["Mr Wang"]
    # One set of priority criteria, each unknown one filled from the copy's.
    priority = db.session.scalar(sa.select(SitePriority).filter_by(company_id=w.noordwind.id))
    assert (priority.id, priority.trust, priority.country_risk, priority.shortlisted) == (
        kept_priority.id, 2, 4, True)
    # One onboarding record: the copy's (later) one, with both histories.
    engagement = db.session.scalar(sa.select(Engagement).filter_by(
        company_id=w.noordwind.id, supplier_id=w.record.id))
    assert engagement.id == d.engagement.id and engagement.stage.value == "approached"
    assert _gone(kept_engagement)
    assert _count(StageChange) == 3  # copy's, record's and Saigon's first moves
    assert db.session.get(SurveyCycle, d.cycle.id).site_id == w.plant.id
    assert _gone(w.copy)


def test_a_copy_another_company_uses_is_left_alone(ningbo, as_user):
    w = ningbo
    f.relate(w.hanze, w.copy)
    hanze_cycle = f.cycle(w.hanze, w.copy_site, f.published(w.hanze, "Hanze survey"))
    db.session.commit()
    _ask(as_user(w.eva), w.copy_site)
    as_user(w.chen).post(f"/site-links/{_request(w).id}/confirm")
    db.session.expire_all()
    assert not _gone(w.copy_site) and not _gone(w.copy)
    assert db.session.get(SurveyCycle, hanze_cycle.id).site_id == w.copy_site.id
    assert db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.copy.id)) is None
    assert as_user(w.eva).get(f"/sites/{w.copy_site.id}").status_code == 404
    assert "Ningbo factory" in as_user(w.femke).get(f"/sites/{w.copy_site.id}").get_data(
        as_text=True)


def test_a_copy_with_other_sites_stays_the_companys_for_them(ningbo, as_user):
    w = ningbo
    d = _noordwind_data(w)
    second = f.site(w.copy, name="Ningbo warehouse", country="CN")
    db.session.commit()
    eva = as_user(w.eva)
    _ask(eva, w.copy_site)
    as_user(w.chen).post(f"/site-links/{_request(w).id}/confirm")
    db.session.expire_all()
    # Its data about the linked site moved; its record, relationship and
    # onboarding stay for the other site; the linked copy of the site is gone.
    assert db.session.get(SurveyCycle, d.cycle.id).site_id == w.plant.id
    assert _gone(w.copy_site) and not _gone(second)
    own = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.copy.id))
    assert [c.name for c in own.contacts] == ["Mr Wang"]
    joined = db.session.scalar(sa.select(SupplierRelationship).filter_by(
        company_id=w.noordwind.id, supplier_id=w.record.id))
    assert (joined.years_of_relationship, joined.notes, joined.contacts) == (
        6, "Pays on time.", [])
    assert db.session.get(Engagement, d.engagement.id).supplier_id == w.copy.id
    assert db.session.get(DraftShare, d.share.id).supplier_id == w.copy.id
    assert eva.get(f"/sites/{second.id}").status_code == 200


def test_joint_cycles_keep_their_owners(ningbo, as_user):
    """A joint cycle the company leads moves with it, its co-owner with it; one it
    co-owns with another member at the copy stays with that member."""
    w = ningbo
    f.relate(w.hanze, w.copy)
    led = f.cycle(w.noordwind, w.copy_site, f.published(w.noordwind, "Noordwind survey"))
    theirs = f.cycle(w.hanze, w.copy_site, f.published(w.hanze, "Hanze survey"),
                     starts_on=date(2027, 5, 1), ends_on=date(2027, 5, 14))
    for cycle, company, by in ((led, w.hanze, w.eva), (theirs, w.noordwind, w.femke)):
        cycle.owners.append(CycleOwner(company_id=company.id, invited_on=date(2027, 1, 1),
                                       invited_by=by, accepted=True))
    db.session.commit()
    _ask(as_user(w.eva), w.copy_site)
    as_user(w.chen).post(f"/site-links/{_request(w).id}/confirm")
    db.session.expire_all()
    assert (led.site_id, theirs.site_id) == (w.plant.id, w.copy_site.id)
    assert [o.company_id for o in led.owners] == [w.hanze.id]
    assert [o.company_id for o in theirs.owners] == [w.noordwind.id]
    assert as_user(w.femke).get(f"/cycles/{led.id}").status_code == 200
    assert as_user(w.eva).get(f"/cycles/{theirs.id}").status_code == 200


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["no OS ID", "OS ID of no other record", "asked twice",
                                  "a site of another company"])
def test_asking_without_a_reason_to_changes_nothing(ningbo, as_user, case):
    w = ningbo
    eva = as_user(w.eva)
    if case == "no OS ID":
        w.copy_site.os_id = None
    elif case == "OS ID of no other record":
        w.plant.os_id = "CN2019303BQ3FZQ"
    elif case == "asked twice":
        _ask(eva, w.copy_site)
    db.session.commit()
    before = _count(SiteLinkRequest)
    site = w.plant if case == "a site of another company" else w.copy_site
    response = _ask(eva, site)
    if case == "a site of another company":
        assert response.status_code == 404
    else:
        assert response.status_code == 303
        message = eva.get(response.headers["Location"]).get_data(as_text=True)
        assert ("You have already asked" if case == "asked twice"
                else "No other record has a site") in message
    assert _count(SiteLinkRequest) == before


@pytest.mark.parametrize("url", ["/site-links/999999/confirm", "/site-links/x/confirm",
                                 "/site-links/99999999999999999999/decline"])
def test_unknown_requests_are_not_found(ningbo, as_user, url):
    assert as_user(ningbo.chen).post(url).status_code == 404


# --- the rules --------------------------------------------------------------------------


@pytest.mark.parametrize("open_request, confirmed, declined, twin, expected", [
    (True, False, False, True, linking.WAITING),
    (True, False, True, False, linking.WAITING),
    (False, True, False, True, linking.LINKED),
    (False, False, False, True, linking.OFFER),
    (False, False, True, True, linking.OFFER),  # another record's site, not asked yet
    (False, False, True, False, linking.DECLINED),
    (False, False, False, False, None),
])
def test_what_the_site_page_shows(open_request, confirmed, declined, twin, expected):
    assert linking.link_status(open_request=open_request, confirmed=confirmed,
                               declined=declined, twin=twin) == expected


@pytest.mark.parametrize("kept, moved, expected", [
    (None, (6, 4, "a", True, "Eva"), (6, 4, "a", True, "Eva")),
    ((None, 3, "b", False, ""), (6, 4, "a", True, "Eva"), (6, 3, "b\n\na", False, "")),
    ((2, None, "", True, "Eva"), (6, 4, "a", False, ""), (2, 4, "a", True, "Eva")),
    ((2, 1, "b\n\na", False, ""), (6, 4, "a", False, ""), (2, 1, "b\n\na", False, "")),
])
def test_relationship_facts_merge_without_losing_or_repeating(kept, moved, expected):
    facts = linking.RelationshipFacts
    merged = linking.merged_facts(None if kept is None else facts(*kept), facts(*moved))
    assert merged == facts(*expected)


def test_ratings_fill_what_is_unknown():
    assert linking.merged_ratings({"trust": 2, "severity": None, "shortlisted": False},
                                  {"trust": 5, "severity": 3, "shortlisted": True}) == {
        "trust": 2, "severity": 3, "shortlisted": True}
