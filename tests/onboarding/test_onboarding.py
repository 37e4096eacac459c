"""Onboarding as brand staff and suppliers use it, on a fixed day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from wsdialog.extensions import db
from wsdialog.models import Role, StateError
from wsdialog.onboarding.models import Engagement, Milestone, OutreachMessage, StageChange
from wsdialog.onboarding.pipeline import Stage

from .. import factories as f
from ..conftest import with_smtp


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-01-15"}


@pytest.fixture
def brand(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    supplier = f.supplier(company, name="Pearl River Apparel", country="CN")
    site = f.site(supplier, name="Dongguan", country="CN", headcount=1500)
    f.contact(company, supplier, name="Li Na").email = "li@pearl.example"
    db.session.commit()
    return eva, supplier, site


def _move(client, supplier, **data):
    return client.post(f"/onboarding/suppliers/{supplier.id}/move", data=data)


def test_the_pipeline_from_candidate_to_a_respected_decline(app, brand, as_user):
    eva, supplier, _site = brand
    client = as_user(eva)
    assert "Candidate" in client.get(f"/onboarding/suppliers/{supplier.id}").get_data(
        as_text=True)
    assert _move(client, supplier, stage="shortlisted").status_code == 303
    assert _move(client, supplier, stage="approached").status_code == 303
    # A decline needs a reason; without one nothing changes.
    response = _move(client, supplier, stage="declined")
    assert "Choose at least one reason for the decline." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(Engagement)).stage is Stage.approached
    _move(client, supplier, stage="declined", reasons=["fewer_orders", "no_capacity"],
          note="Busy season")
    engagement = db.session.scalar(db.select(Engagement))
    assert engagement.stage is Stage.declined
    assert engagement.reask_on == date(2027, 7, 15)  # six months after the fixed day
    changes = db.session.scalars(db.select(StageChange).order_by(StageChange.id)).all()
    assert [c.to_stage for c in changes] == [Stage.shortlisted, Stage.approached,
                                             Stage.declined]
    assert changes[-1].by_id == eva.id and changes[-1].reasons == ["fewer_orders",
                                                                   "no_capacity"]
    page = client.get(f"/onboarding/suppliers/{supplier.id}").get_data(as_text=True)
    assert "That is respected" in page and "Write the outreach message" not in page
    # No pushing: asking again before the date is refused, and so is writing to them.
    response = _move(client, supplier, stage="approached")
    assert "Please wait until" in response.get_data(as_text=True)
    assert client.get(f"/onboarding/suppliers/{supplier.id}/outreach").status_code == 404
    assert "Re-asks that are due" not in client.get("/").get_data(as_text=True)


def test_a_reask_shows_up_when_it_is_due(app, brand, as_user):
    eva, supplier, _site = brand
    engagement = f.engagement(eva.company, supplier, eva, stage="declined")
    engagement.reask_on = date(2027, 1, 10)
    db.session.commit()
    client = as_user(eva)
    home = client.get("/").get_data(as_text=True)
    assert "Re-asks that are due:" in home and "Pearl River Apparel" in home
    assert "Re-asks that are due" in client.get("/onboarding").get_data(as_text=True)
    assert _move(client, supplier, stage="approached").status_code == 303


def test_outreach_without_smtp_is_kept_and_counts_as_approached(app, brand, as_user):
    eva, supplier, _site = brand
    client = as_user(eva)
    form = client.get(f"/onboarding/suppliers/{supplier.id}/outreach?locale=en").get_data(
        as_text=True)
    assert "li@pearl.example" in form and "Dear Li Na," in form
    assert "not an audit" in form and "no effect on our orders" in form
    response = client.post(f"/onboarding/suppliers/{supplier.id}/outreach", data={
        "recipient": "li@pearl.example", "locale": "en", "subject": "Invitation",
        "body": "Dear Li Na, ..."})
    body = response.get_data(as_text=True)
    assert "Message ready to send" in body
    # Subject and body apart, and a mailto: link that opens them in a mail program.
    assert 'id="outreach-subject"' in body and 'value="Invitation"' in body
    assert 'href="mailto:li@pearl.example?subject=Invitation&amp;body=Dear%20Li%20Na' in body
    message = db.session.scalar(db.select(OutreachMessage))
    assert (message.recipient, message.mailed) == ("li@pearl.example", False)
    assert db.session.scalar(db.select(Engagement)).stage is Stage.approached
    page = client.get(f"/onboarding/suppliers/{supplier.id}").get_data(as_text=True)
    assert "copied to send yourself" in page


def test_the_company_edits_its_own_template_per_language(app, brand, as_user):
    eva, supplier, _site = brand
    client = as_user(eva)
    client.post("/onboarding/templates?locale=nl", data={
        "subject": "Uitnodiging", "body": "Beste %(contact)s, van %(company)s."})
    body = client.get(f"/onboarding/suppliers/{supplier.id}/outreach?locale=nl").get_data(
        as_text=True)
    assert "Uitnodiging" in body and "Beste Li Na, van Noordwind." in body


def test_priorities_show_each_criterions_contribution_and_sort(app, brand, as_user):
    eva, supplier, site = brand
    small = f.site(supplier, name="Small workshop", headcount=40)
    db.session.commit()
    client = as_user(eva)
    client.post(f"/onboarding/sites/{site.id}/criteria", data={
        "country_risk": "5", "labour_relations_risk": "4", "severity": "5",
        "irreversibility": "3", "trust": "4", "order_stability": "3", "over_asked": "no",
        "shortlisted": "y"})
    page = client.get("/onboarding/priorities").get_data(as_text=True)
    assert page.index("Dongguan") < page.index("Small workshop")
    assert "Number of workers" in page and "Selected for outreach" in page
    # Not the pipeline's word: that is a supplier's stage.
    assert "shortlist" not in page.lower()
    assert "1</strong> selected for outreach" in " ".join(page.split())
    fragment = client.get("/onboarding/priorities?selected=1",
                          headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and "Dongguan" in fragment and small.name not in fragment
    bad = client.post(f"/onboarding/sites/{site.id}/criteria", data={"country_risk": "9"})
    assert "Please choose one of the options." in bad.get_data(as_text=True)


def test_weights_change_the_order(app, brand, as_user):
    eva, supplier, site = brand
    f.site(supplier, name="Big but calm", headcount=5000)
    db.session.commit()
    client = as_user(eva)
    client.post(f"/onboarding/sites/{site.id}/criteria", data={"country_risk": "5"})
    only_risk = {code: "0" for code in ("labour_relations", "workers", "severity",
                                        "irreversibility", "relationship", "trust",
                                        "leverage", "stability", "not_over_asked")}
    client.post("/onboarding/weights", data={**only_risk, "country_risk": "10"})
    page = client.get("/onboarding/priorities").get_data(as_text=True)
    assert page.index("Dongguan") < page.index("Big but calm")
    client.post("/onboarding/weights", data={**only_risk, "country_risk": "0",
                                             "workers": "10"})
    page = client.get("/onboarding/priorities").get_data(as_text=True)
    assert page.index("Big but calm") < page.index("Dongguan")


def test_the_timeline_warns_about_chinese_new_year_and_keeps_revisions(app, brand, as_user):
    eva, _supplier, site = brand
    client = as_user(eva)
    client.post("/onboarding/timeline", data={
        "title": "Survey round 1", "kind": "survey", "site": str(site.id),
        "due_on": "2027-02-01", "ends_on": "2027-02-14"})
    page = client.get("/onboarding/timeline").get_data(as_text=True)
    assert "Near public holidays:" in page and "Chinese New Year" in page
    milestone = db.session.scalar(db.select(Milestone))
    client.post(f"/onboarding/milestones/{milestone.id}/revise", data={
        "new_due_on": "2027-03-01", "reason": "holidays", "note": "after the new year"})
    milestone = db.session.get(Milestone, milestone.id)
    assert (milestone.due_on, milestone.ends_on) == (date(2027, 3, 1), date(2027, 3, 14))
    page = client.get("/onboarding/timeline").get_data(as_text=True)
    assert "Moved from" in page and "Holidays" in page and "after the new year" in page
    assert "Near public holidays:" not in page and "Around holidays" not in page
    # No public holiday near 24 February, but the weeks after Chinese New Year.
    client.post("/onboarding/timeline", data={
        "title": "Kick-off", "kind": "kickoff", "site": str(site.id), "due_on": "2027-02-24"})
    page = client.get("/onboarding/timeline").get_data(as_text=True)
    assert "Around holidays" in page and "Chinese New Year (Spring Festival), about" in page
    kickoff = db.session.scalar(db.select(Milestone).filter_by(title="Kick-off"))
    revise = client.get(f"/onboarding/milestones/{kickoff.id}/revise").get_data(as_text=True)
    assert "Near public holidays:" not in revise and "come back weeks later" in revise
    bad = client.post("/onboarding/timeline", data={
        "title": "X", "kind": "other", "due_on": "2027-05-01", "ends_on": "2027-04-01"})
    assert "The end cannot be before the start." in bad.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Milestone.id))) == 2


def test_overdue_milestones_show_on_the_home_page(app, brand, as_user):
    eva, _supplier, site = brand
    f.milestone(eva.company, site, "Confirm dialogue date", due_on=date(2027, 1, 5))
    db.session.commit()
    home = as_user(eva).get("/").get_data(as_text=True)
    assert "Overdue on the timeline:" in home and "Confirm dialogue date" in home


def test_the_figures_count_suppliers_and_reasons(app, brand, as_user):
    eva, supplier, _site = brand
    other = f.supplier(eva.company, name="Lanka Lace")
    third = f.supplier(eva.company, name="Saigon Stitch")
    db.session.commit()
    client = as_user(eva)
    for s in (supplier, other, third):
        _move(client, s, stage="shortlisted")
        _move(client, s, stage="approached")
    _move(client, supplier, stage="declined", reasons=["low_volumes"])
    client.post(f"/onboarding/suppliers/{other.id}/strategies",
                data={"strategies": ["benefits", "independent"]})
    _move(client, other, stage="joined")
    page = client.get("/onboarding/figures?year=2027").get_data(as_text=True)
    assert "<strong>3</strong> approached" in page
    assert "<strong>1</strong> joined" in page and "33%" in page
    assert "The volumes we produce for you are too small" in page
    assert "No re-asks are due this month." in page


def test_a_supplier_answers_the_invitation_itself(app, brand, as_user):
    eva, supplier, _site = brand
    f.engagement(eva.company, supplier, eva, stage="approached")
    lan = f.user(Role.supplier, supplier=supplier, locale="zh_Hans")
    db.session.commit()
    client = as_user(lan)
    page = client.get("/participation").get_data(as_text=True)
    assert "Noordwind" in page
    engagement = db.session.scalar(db.select(Engagement))
    prefix = f"e{engagement.id}-"
    client.post(f"/participation/{engagement.id}", data={
        f"{prefix}decline": "1", f"{prefix}reasons": ["no_capacity"]})
    engagement = db.session.get(Engagement, engagement.id)
    assert engagement.stage is Stage.declined and engagement.reask_on == date(2027, 7, 15)
    last = db.session.scalars(db.select(StageChange).order_by(StageChange.id.desc())).first()
    assert last.by_id == lan.id and last.reasons == ["no_capacity"]
    # Answered: it cannot be answered again, and brand internals stay hidden.
    response = client.post(f"/participation/{engagement.id}", data={f"{prefix}join": "1"})
    assert db.session.get(Engagement, engagement.id).stage is Stage.declined
    assert response.status_code == 303
    assert client.get(f"/onboarding/suppliers/{supplier.id}").status_code == 404


class TestWithAMailServer:
    @pytest.fixture
    def app_config(self, app_config, smtp):
        return with_smtp(app_config, smtp)

    def test_the_outreach_message_is_mailed_and_kept(self, app, brand, as_user, smtp):
        eva, supplier, _site = brand
        _controller, sink = smtp
        response = as_user(eva).post(f"/onboarding/suppliers/{supplier.id}/outreach", data={
            "recipient": "li@pearl.example", "locale": "zh_Hans", "subject": "邀请",
            "body": "尊敬的 Li Na：..."})
        assert response.status_code == 303
        [envelope] = sink.messages
        assert envelope.rcpt_tos == ["li@pearl.example"]
        assert db.session.scalar(db.select(OutreachMessage)).mailed is True


def test_weights_cannot_all_be_zero(app, as_user):
    from wsdialog.onboarding.scoring import CRITERIA

    company = f.company("Noordwind")
    eva = f.user(company=company)
    db.session.commit()
    response = as_user(eva).post("/onboarding/weights", data=dict.fromkeys(CRITERIA, "0"))
    assert response.status_code == 200
    assert "At least one criterion needs a weight above 0" in response.get_data(as_text=True)
    from wsdialog.onboarding.models import PriorityWeights

    assert db.session.scalar(db.select(db.func.count(PriorityWeights.company_id))) == 0


def test_the_supplier_sees_an_invitation_to_take_part_and_a_decline_stops_the_nudges(
        app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company)
    supplier = f.supplier(company, name="Saigon Stitch")
    lan = f.user(Role.supplier, supplier=supplier)
    other = f.supplier(company, name="Dhaka Fashion")
    f.engagement(company, supplier, eva)
    f.engagement(company, other, eva, stage="declined").reask_on = date(2099, 1, 1)
    db.session.commit()
    home = as_user(lan).get("/").get_data(as_text=True)
    assert "Invitations to take part" in home and "Noordwind invites you" in home
    brand_home = as_user(eva).get("/").get_data(as_text=True)
    # Declined: no "invite" nudge until the re-ask date.
    assert f"/suppliers/{other.id}/invite" not in brand_home
    assert f"/suppliers/{supplier.id}/invite" not in brand_home  # has a login


def test_priorities_put_risk_first_and_rest_a_declined_supplier(app, as_user):
    from wsdialog.onboarding.scoring import DEFAULT_WEIGHTS, RISK_CRITERIA, normalised

    shares = normalised(DEFAULT_WEIGHTS)
    assert sum(shares[c] for c in RISK_CRITERIA) == 75  # severity and likelihood first
    company = f.company("Noordwind")
    eva = f.user(company=company)
    joined = f.supplier(company, name="Saigon Stitch")
    f.site(joined, name="Thu Duc")
    said_no = f.supplier(company, name="Dhaka Fashion")
    f.site(said_no, name="Gazipur")
    f.engagement(company, joined, eva, stage="joined")
    f.engagement(company, said_no, eva, stage="declined").reask_on = date(2099, 1, 1)
    db.session.commit()
    page = as_user(eva).get("/onboarding/priorities").get_data(as_text=True)
    ranked, _sep, resting = page.partition("Said no for now")
    assert "Thu Duc" in ranked and "Taking part" in ranked and "Gazipur" not in ranked
    assert "Gazipur" in resting and "Do not ask again before Jan 1, 2099" in resting


def test_a_suppliers_own_decline_is_not_undone_by_the_brand_before_the_reask_date(
        app, brand, as_user):
    eva, supplier, _site = brand
    engagement = f.engagement(eva.company, supplier, eva, stage="approached")
    lan = f.user(Role.supplier, supplier=supplier, locale="en")
    db.session.commit()
    prefix = f"e{engagement.id}-"
    as_user(lan).post(f"/participation/{engagement.id}", data={
        f"{prefix}decline": "1", f"{prefix}reasons": ["no_capacity"]})
    client = as_user(eva)
    page = client.get(f"/onboarding/suppliers/{supplier.id}").get_data(as_text=True)
    assert "Pearl River Apparel itself said no on Jan 15, 2027" in page
    assert "Move to another stage" not in page  # nothing it could be moved to now
    for stage in ("approached", "candidate"):
        response = _move(client, supplier, stage=stage)
        assert response.status_code == 422
        assert ("Pearl River Apparel itself declined on Jan 15, 2027. Its answer is respected: "
                "it is not moved back or asked again before Jul 15, 2027.") in response.get_data(
            as_text=True)
        assert db.session.get(Engagement, engagement.id).stage is Stage.declined
    with pytest.raises(StateError, match="declined"):
        db.session.get(Engagement, engagement.id).move_to(
            Stage.approached, eva, at=datetime(2027, 1, 16), today=date(2027, 1, 16))
