"""Workers hear back, in a real browser (issue 21): the brand plans a cycle in
Vietnamese and Urdu and prints its invitation poster in both (Urdu right to
left, neither scrolling sideways on a phone); a worker reads the survey's first
page and answers; after the release the supplier records how it shared the
results with the workers, the dialogue checklist ticks it and the yearly
summary counts it."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.models import SurveyCycle
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from .conftest import log_in
from .test_accessibility import violations


def test_from_the_invitation_poster_to_the_workers_hearing_back(app, server, browser, page,
                                                                 problems):
    app.config["FIXED_TODAY"] = "2027-02-20"
    company = f.company("Noordwind")
    f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    saigon = f.supplier(company, name="Saigon Stitch Co.", country="VN")
    site = f.site(saigon, name="Thu Duc factory", country="VN", headcount=40)
    site.timezone = "Asia/Ho_Chi_Minh"
    f.user(Role.supplier, supplier=saigon, name="Lan", email="lan@saigonstitch.example")
    f.published(company, "Survey", locales=("en", "vi", "ur"))
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/sites/{site.id}/cycles/new")
    page.fill("#starts_on", "2027-03-01")
    page.fill("#ends_on", "2027-03-14")
    page.locator("input[name=languages][value=ur]").check()
    page.click("main input[type=submit][name=submit]")
    expect(page.locator(".flash")).to_contain_text("The cycle is planned.")
    cycle = db.session.scalars(db.select(SurveyCycle)).one()

    phone = browser.new_context(viewport={"width": 360, "height": 740},
                                java_script_enabled=False,
                                storage_state=page.context.storage_state())
    narrow = phone.new_page()
    for lang, direction in (("vi", "ltr"), ("ur", "rtl")):
        narrow.goto(f"{server}/cycles/{cycle.id}/invitation?lang={lang}")
        expect(narrow.locator("html")).to_have_attribute("dir", direction)
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 360, lang
    phone.close()

    # A worker opens the survey while it is open: its first page says who asks
    # and who sees; the thanks page says when results come back.
    app.config["FIXED_TODAY"] = "2027-03-05"
    worker_context = browser.new_context(java_script_enabled=False)
    worker = worker_context.new_page()
    worker.goto(f"{server}/s/{cycle.public_token}?lang=en")
    expect(worker.locator("main")).to_contain_text("Noordwind")
    worker.check("input[name=WAGE_RUNS_OUT][value=yes]")
    worker.check("input[name=CLEAN_WATER][value=yes]")
    worker.click("button.send")
    expect(worker.locator("main")).to_contain_text("2027")  # by when results come back
    worker_context.close()
    store(cycle, [Respondent(date(2027, 3, 6), "web", "vi",
                             {"gender": None, "age_band": None, "contract": None, "role": None},
                             {"WAGE_RUNS_OUT": Answer.no, "CLEAN_WATER": Answer.yes})] * 9)
    db.session.commit()

    app.config["FIXED_TODAY"] = "2027-03-20"
    page.goto(f"{server}/cycles/{cycle.id}/results")
    page.click("text=Release the results to Saigon Stitch Co.")
    page.click("text=Release now")
    expect(page.locator(".flash")).to_contain_text("Saigon Stitch Co. sees them now")

    # Five weeks later the supplier's home page reminds it; it records a meeting.
    app.config["FIXED_TODAY"] = "2027-04-25"
    supplier_context = browser.new_context()
    lan = supplier_context.new_page()
    log_in(lan, server, "lan@saigonstitch.example", f.PASSWORD)
    expect(lan.locator("#share-with-workers")).to_contain_text("Thu Duc factory")
    lan.click("#share-with-workers >> text=Record sharing")
    # The form must have arrived before axe looks: mid-navigation there is no document.
    expect(lan.locator("input[name=way][value=meeting]")).to_be_visible()
    assert violations(lan) == []
    lan.check("input[name=way][value=meeting]")
    lan.fill("#shared_on", "2027-04-10")
    lan.fill("#workers_reached", "30")
    lan.click("main input[type=submit]")
    expect(lan.locator(".flash")).to_contain_text("Recorded.")
    expect(lan.locator("main")).to_contain_text("about 30 workers reached")
    lan.goto(f"{server}/")
    expect(lan.locator("#share-with-workers")).to_have_count(0)
    supplier_context.close()

    page.goto(f"{server}/cycles/{cycle.id}/dialogues/new")
    page.fill("#day", "2027-05-12")
    page.fill("#time", "10:00")
    page.click("main input[type=submit]")
    shared = page.locator("#checklist li", has_text="shared with the workers who were asked")
    expect(shared).to_have_class("done")
    page.goto(f"{server}/reports/due-diligence?year=2027")
    stats = page.locator(".stats").first.inner_text()
    assert re.search(r"1\s+cycles whose results workers heard back", stats), stats
    assert problems == []
