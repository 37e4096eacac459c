"""Assessing a site step by step, with and without htmx, and seeing the advice."""

from __future__ import annotations

from datetime import date

import pytest

from wsdialog.chooser.models import Assessment
from wsdialog.chooser.questions import STEPS
from wsdialog.extensions import db
from wsdialog.models import Presence, Role, SiteChange
from wsdialog.onboarding.pipeline import Stage

from .. import factories as f

HTMX = {"HX-Request": "true"}

ANSWERS = {
    "representation": {"union_independent": "yes", "union_covers": "no",
                       "association": "restricted"},
    "context": {"women_barriers": "yes", "language_gap": "no", "ngo_space": "free"},
    "workforce": {"literacy": "yes", "phones": "most"},
    "partners": {"third_party": "yes", "trusted_ngo": "unknown", "grievance": "yes",
                 "grievance_trusted": "no", "supplier_survey": "yes", "audit_planned": "no"},
    "goals": {"goals": ["risks", "remedy"]},
}


@pytest.fixture
def brand(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    supplier = f.supplier(company, name="Saigon Stitch")
    site = f.site(supplier, name="Thu Duc", trade_union=Presence.yes,
                  worker_committee=Presence.yes, share_temporary_pct=10,
                  share_migrant_pct=35)
    db.session.commit()
    return eva, site


def _start(client, site):
    response = client.post("/assessments/new", data={"site": str(site.id)})
    assert response.status_code == 303
    return response.headers["Location"]


def test_a_brand_user_completes_an_assessment_without_javascript(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site)
    page = client.get(url).get_data(as_text=True)
    # The site record answers these; they are shown, not asked.
    assert "Known from the site record" in page
    assert 'name="union"' not in page and 'name="committee"' not in page
    assert 'name="union_independent"' in page
    for step in STEPS:
        response = client.post(url, data=ANSWERS[step.code])
        assert response.status_code == 303
        if step.code == "partners":
            # "Yes, there is a grievance mechanism" opens its follow-up in this step.
            follow_up = client.get(response.headers["Location"]).get_data(as_text=True)
            assert 'name="grievance_trusted"' in follow_up
            assert "A follow-up to your answer above" in follow_up
            response = client.post(url, data=ANSWERS[step.code])
            assert response.status_code == 303
        url = response.headers["Location"]
    assessment = db.session.scalar(db.select(Assessment))
    assert assessment.completed_at is not None
    assert assessment.answers["goals"] == ["risks", "remedy"]
    # An independent union is the first way in, even where a survey scores as well.
    assert assessment.top_method == "union"
    result = client.get(url).get_data(as_text=True)
    assert "Start here: Through a trade union or other worker representation" in result
    assert "Run the survey together with the union" in result
    # Workers distrust the grievance mechanism: it is not proposed as a partner.
    assert "Combine the survey with a grievance mechanism" not in result
    assert "Unions mostly represent permanent, often male, workers" in result
    assert "Because you answered:" in result
    assert f"/assessments/{assessment.id}/steps/representation#q-union_covers" in result
    assert "Never reveal a source" in result
    site_page = client.get(f"/sites/{site.id}").get_data(as_text=True)
    assert "Current advice:" in site_page and "trade union" in site_page


def test_with_htmx_each_step_swaps_in_the_next(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site)
    response = client.post(url, data=ANSWERS["representation"], headers=HTMX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "Culture and context" in body
    assert response.headers["HX-Push-Url"].endswith("/steps/context")
    for code in ("context", "workforce", "partners"):
        response = client.post(url.replace("representation", code), data=ANSWERS[code],
                               headers=HTMX)
    response = client.post(url.replace("representation", "goals"), data=ANSWERS["goals"],
                           headers=HTMX)
    assert response.status_code == 204 and "/assessments/" in response.headers["HX-Location"]


def test_an_invalid_answer_gets_a_message_and_changes_nothing(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site)
    response = client.post(url, data={"association": "anarchy"})
    assert response.status_code == 200
    assert "Please choose one of the options." in response.get_data(as_text=True)
    assert db.session.scalar(db.select(Assessment)).answers == {}


def test_skipped_questions_are_allowed_and_named_in_the_advice(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site)
    for _step in STEPS:
        url = client.post(url, data={}).headers["Location"]
    result = client.get(url).get_data(as_text=True)
    assert "Not known yet" in result
    assert "Is the supplier willing to support an anonymous digital survey?" in result


def test_revising_keeps_the_history(brand, as_user):
    eva, site = brand
    old = f.assessment(eva.company, eva, site, {"supplier_survey": "no"})
    db.session.commit()
    client = as_user(eva)
    response = client.post(f"/assessments/{old.id}/revise")
    assert response.status_code == 303
    new = db.session.scalar(db.select(Assessment).where(Assessment.id != old.id))
    assert new.revision_of_id == old.id and new.answers == {"supplier_survey": "no"}
    assert new.completed_at is None
    assert client.get(f"/assessments/{old.id}").status_code == 200
    listing = client.get("/assessments").get_data(as_text=True)
    assert "Not finished" in listing


def test_a_general_assessment_for_a_country(brand, as_user):
    eva, _site = brand
    client = as_user(eva)
    response = client.post("/assessments/new", data={"country": "LK", "sector": "apparel"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Sri Lanka" in page and "apparel" in page
    assert 'name="union"' in page  # nothing known: asked
    assert "Choose a site, or a country" in client.post(
        "/assessments/new", data={}).get_data(as_text=True)


def test_the_printable_summary_lists_advice_and_answers(brand, as_user):
    eva, site = brand
    a = f.assessment(eva.company, eva, site, {"trusted_ngo": "yes", "third_party": "yes"})
    db.session.commit()
    body = as_user(eva).get(f"/assessments/{a.id}/summary").get_data(as_text=True)
    assert "Recommended" in body and "Is there a trusted NGO" in body


def test_suppliers_and_coordinators_never_see_assessments(brand, as_user):
    eva, site = brand
    a = f.assessment(eva.company, eva, site)
    lan = f.user(Role.supplier, supplier=site.supplier)
    coordinator = f.user(Role.coordinator)
    db.session.commit()
    for user in (lan, coordinator):
        client = as_user(user)
        assert client.get(f"/assessments/{a.id}").status_code == 404
        assert client.get("/assessments").status_code == 404
    assert "How to listen" not in as_user(lan).get(f"/sites/{site.id}").get_data(as_text=True)


@pytest.fixture
def demo(app):
    from wsdialog.demo import load
    from wsdialog.models import User

    load()
    eva = db.session.scalar(db.select(User).where(User.email == "eva@noordwind.example"))
    eva.locale = "en"  # she reads Dutch; the assertions are in English
    return eva


def test_the_demo_brand_has_the_six_site_profiles_as_assessments(demo, as_user):
    from wsdialog.chooser.profiles import PROFILES
    from wsdialog.models import Site

    client = as_user(demo)
    listing = client.get("/assessments").get_data(as_text=True)
    for profile in PROFILES:
        site = db.session.scalar(db.select(Site).where(Site.name == profile.site))
        assessment = db.session.scalar(db.select(Assessment).where(
            Assessment.site_id == site.id, Assessment.company_id == demo.company_id))
        assert assessment.completed_at is not None, profile.code
        # The site record agrees with the profile, so the advice is the profile's.
        assert assessment.all_answers() == profile.answers, profile.code
        best = assessment.recommendation().best
        assert assessment.top_method == (best.method.value if best else None)
        assert client.get(f"/assessments/{assessment.id}").status_code == 200
        assert profile.site in listing
    assert "Not finished" in listing  # the half-done assessment of the story


def test_the_low_trust_site_is_not_told_to_start_with_audit_interviews(demo, as_user):
    from wsdialog.models import Site

    site = db.session.scalar(db.select(Site).where(Site.name == "Çorlu denim plant"))
    assessment = db.session.scalar(db.select(Assessment).where(Assessment.site_id == site.id))
    client = as_user(demo)
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    assert "Start here" not in page
    assert "No method fits well yet" in page and "First:" in page
    assert "recently faced reprisals" in page
    # The union route is not advised, but the document's alternatives stay.
    assert "What you can do instead" in page and "IndustriALL" in page
    assert "parallel means of worker representation" in page
    assert "Combine the survey with a grievance mechanism" not in page
    assert "follow-up is not assured" in page  # the digital tool's card
    summary = client.get(f"/assessments/{assessment.id}/summary").get_data(as_text=True)
    assert "No method fits well yet" in summary and "What to do first" in summary
    site_page = client.get(f"/sites/{site.id}").get_data(as_text=True)
    assert "No method fits yet" in site_page


def test_the_wizard_asks_what_decides_whether_listening_works(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site)
    assert client.get(url).status_code == 200
    context = client.get(url.replace("representation", "context")).get_data(as_text=True)
    assert 'name="fear"' in context and 'value="reprisals"' in context
    workforce = client.get(url.replace("representation", "workforce")).get_data(as_text=True)
    assert 'name="deeper_tiers"' in workforce
    partners = client.get(url.replace("representation", "partners")).get_data(as_text=True)
    assert 'value="own"' in partners  # a survey the supplier runs itself


def test_a_union_in_the_region_is_asked_where_the_site_has_none(brand, as_user):
    eva, site = brand
    site.trade_union = Presence.no
    db.session.commit()
    client = as_user(eva)
    page = client.get(_start(client, site)).get_data(as_text=True)
    assert 'name="union_region"' in page


def test_with_htmx_a_follow_up_question_comes_back_in_the_same_step(brand, as_user):
    eva, site = brand
    client = as_user(eva)
    url = _start(client, site).replace("representation", "partners")
    response = client.post(url, data={"grievance": "yes"}, headers=HTMX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert 'name="grievance_trusted"' in body and "A follow-up to your answer above" in body
    assert response.headers["HX-Push-Url"].endswith("/steps/partners")
    response = client.post(url, data={"grievance": "yes", "grievance_trusted": "no"},
                           headers=HTMX)
    assert response.headers["HX-Push-Url"].endswith("/steps/goals")
    assert db.session.scalar(db.select(Assessment)).answers == {
        "grievance": "yes", "grievance_trusted": "no"}


def _assessment(eva, site, answers):
    assessment = Assessment(company=eva.company, site=site, created_by=eva, answers=answers)
    assessment.conclude()
    db.session.add(assessment)
    db.session.commit()
    return assessment


def test_the_advice_links_to_the_next_step_approach_or_plan(brand, as_user):
    eva, site = brand
    assessment = _assessment(eva, site, {"literacy": "yes", "phones": "most"})
    client = as_user(eva)
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    # No engagement yet: approach the supplier.
    assert "Saigon Stitch does not take part yet. In onboarding it is: Candidate." in page
    outreach = f'href="/onboarding/suppliers/{site.supplier_id}/outreach"'
    assert f"{outreach}>Approach Saigon Stitch" in page
    assert f"/sites/{site.id}/cycles/new" not in page
    engagement = f.engagement(eva.company, site.supplier, eva, stage="declined")
    engagement.reask_on = date(2099, 1, 1)
    db.session.commit()
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    assert "it is: Declined" in page and "/outreach" not in page  # the "no" is respected
    assert f'href="/onboarding/suppliers/{site.supplier_id}">Its onboarding' in page
    engagement.stage = Stage.joined
    db.session.commit()
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    assert "Saigon Stitch takes part." in page
    assert f'href="/sites/{site.id}/cycles/new">Plan a survey cycle at Thu Duc' in page
    general = Assessment(company=eva.company, country="VN", created_by=eva, answers={})
    db.session.add(general)
    db.session.commit()
    page = client.get(f"/assessments/{general.id}").get_data(as_text=True)
    assert 'href="/onboarding/priorities">Choose the sites to approach' in page


def test_answers_the_site_record_does_not_know_can_be_put_in_it(brand, as_user):
    eva, site = brand
    site.trade_union = Presence.unknown
    db.session.commit()
    assessment = _assessment(eva, site, {"union": "no", "committee": "no"})
    client = as_user(eva)
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    # The committee is known (yes) and stays as the record says; the union is not.
    assert "Trade union: your answer: No; the site record: not known." in " ".join(page.split())
    assert "Worker committee or works council: your answer" not in page
    response = client.post(f"/assessments/{assessment.id}/site-record",
                           data={})
    assert response.status_code == 303
    db.session.refresh(site)
    assert site.trade_union is Presence.no and site.worker_committee is Presence.yes
    change = db.session.scalar(db.select(SiteChange))
    assert (change.field, change.old_value, change.new_value) == ("trade_union", "unknown", "no")
    assert "Your answers and the site record" not in client.get(
        f"/assessments/{assessment.id}").get_data(as_text=True)


def test_a_supplier_that_keeps_its_own_facts_is_asked_not_overwritten(brand, as_user):
    eva, site = brand
    site.trade_union = Presence.unknown
    f.user(Role.supplier, supplier=site.supplier)
    db.session.commit()
    assessment = _assessment(eva, site, {"union": "yes"})
    client = as_user(eva)
    page = client.get(f"/assessments/{assessment.id}").get_data(as_text=True)
    assert "The people of Saigon Stitch keep the facts of their sites" in page
    assert "/site-record" not in page
    response = client.post(f"/assessments/{assessment.id}/site-record",
                           data={})
    assert response.status_code == 403
    db.session.refresh(site)
    assert site.trade_union is Presence.unknown
