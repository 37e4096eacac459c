"""MSI hosting in a real browser (issue 22): two members that buy from the same
factory opt in to see each other there, survey it once together and each see
the released results; a third member at the same factory sees nothing of it;
in the joint dialogue each member's preparation stays its own."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.models import SurveyCycle
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from .conftest import log_in


def _opt_in(page, server, supplier_id, contact):
    page.goto(f"{server}/suppliers/{supplier_id}")
    page.check("#members input[name=visible]")
    page.fill("#members input[name=contact]", contact)
    page.click("#members [type=submit]")


def test_two_members_survey_a_shared_factory_together(app, server, browser, page, problems):
    app.config["FIXED_TODAY"] = "2027-02-20"
    hanze, noordwind, linde = (f.company(n) for n in ("Hanze Workwear", "Noordwind",
                                                       "Linde Outdoor"))
    emails = {"femke": "femke@hanze.example", "eva": "eva@noordwind.example",
              "pieter": "pieter@linde.example"}
    for (name, email), company in zip(emails.items(), (hanze, noordwind, linde), strict=True):
        f.user(company=company, admin=True, name=name.title(), email=email)
    ningbo = f.supplier(hanze, noordwind, linde, name="Ningbo Outerwear", country="CN")
    site = f.site(ningbo, name="Ningbo plant", country="CN", headcount=60)
    site.timezone = "Asia/Shanghai"
    f.published(hanze, "Hanze survey")
    db.session.commit()

    # Both opt in at Ningbo; Linde does not.
    log_in(page, server, emails["eva"], f.PASSWORD)
    _opt_in(page, server, ningbo.id, "Eva, eva@noordwind.example")
    eva_context = page.context
    femke_context = browser.new_context()
    femke = femke_context.new_page()
    log_in(femke, server, emails["femke"], f.PASSWORD)
    _opt_in(femke, server, ningbo.id, "Femke, femke@hanze.example")
    expect(femke.locator("#members")).to_contain_text("Eva, eva@noordwind.example")

    # Hanze plans the cycle and invites Noordwind; Linde is not offered.
    femke.goto(f"{server}/sites/{site.id}/cycles/new")
    femke.fill("#starts_on", "2027-03-01")
    femke.fill("#ends_on", "2027-03-14")
    femke.click("main input[type=submit][name=submit]")
    expect(femke.locator("#owners")).to_contain_text("Workers asked twice answer less")
    options = femke.locator("#owners select option").all_inner_texts()
    assert "Noordwind" in options and "Linde Outdoor" not in options
    femke.select_option("#owners select", label="Noordwind")
    femke.click("#owners [type=submit]")
    expect(femke.locator(".flash")).to_contain_text("Noordwind is invited")
    cycle = db.session.scalars(db.select(SurveyCycle)).one()

    page.goto(f"{server}/")
    page.click("#joint-invitations a")
    expect(page.locator("h1")).to_contain_text("Hanze Workwear invites you")
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("owns this cycle with Hanze Workwear")

    store(cycle, [Respondent(date(2027, 3, 5), "web", "zh_Hans",
                             {"gender": "woman", "age_band": None, "contract": None,
                              "role": None},
                             {"WAGE_RUNS_OUT": Answer.no, "CLEAN_WATER": Answer.yes})] * 12)
    db.session.commit()

    # After the close: Hanze waits for Noordwind's check, then releases.
    app.config["FIXED_TODAY"] = "2027-03-20"
    femke.goto(f"{server}/cycles/{cycle.id}/results")
    expect(femke.locator(".access")).to_contain_text("waiting for: Noordwind")
    page.goto(f"{server}/cycles/{cycle.id}/results")
    page.click("text=We have checked the results")
    expect(page.locator(".flash")).to_contain_text("Hanze Workwear sees that you have checked")
    femke.goto(f"{server}/cycles/{cycle.id}/results")
    femke.click("text=Release the results to Ningbo Outerwear")
    femke.click("text=Release now")
    expect(femke.locator(".flash")).to_contain_text("Ningbo Outerwear sees them now")

    # Each owner sees the released results, and among its own sites.
    for viewer in (page, femke):
        viewer.goto(f"{server}/cycles/{cycle.id}/results")
        expect(viewer.locator("main")).to_contain_text("Released to Ningbo Outerwear")
        viewer.goto(f"{server}/results/sites")
        expect(viewer.locator("main")).to_contain_text("Ningbo plant")

    # The third member at the factory sees nothing of it.
    pieter_context = browser.new_context()
    pieter = pieter_context.new_page()
    log_in(pieter, server, emails["pieter"], f.PASSWORD)
    for path in (f"/cycles/{cycle.id}", f"/cycles/{cycle.id}/results"):
        assert pieter.goto(f"{server}{path}").status == 404, path
    for path in ("/", "/cycles", "/results/sites"):
        pieter.goto(f"{server}{path}")
        expect(pieter.locator("main")).not_to_contain_text("Hanze")
    pieter_context.close()

    # The joint dialogue: Hanze plans it; each member's preparation is its own.
    app.config["FIXED_TODAY"] = "2027-03-25"
    femke.goto(f"{server}/cycles/{cycle.id}/dialogues/new")
    femke.fill("#day", "2027-04-02")
    femke.click("main input[type=submit][name=submit]")
    expect(femke.locator("main")).to_contain_text("A joint dialogue, led by Hanze Workwear")
    femke.click("text=Prepare")
    femke.fill("#open_questions", "HANZE: ask about the piece rates")
    femke.click("main form:has(#open_questions) [type=submit]")
    expect(femke.locator(".flash")).to_contain_text("The preparation is saved.")
    dialogue_url = femke.url.replace("/prepare", "")
    page.goto(dialogue_url)
    expect(page.locator("main")).to_contain_text("A joint dialogue, led by Hanze Workwear")
    page.goto(dialogue_url + "/prepare")
    expect(page.locator("main")).not_to_contain_text("piece rates")
    femke_context.close()
    assert problems == []
    eva_context.close()
