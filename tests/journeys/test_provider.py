"""A survey provider in a real browser (issue 23): its person logs in and sees
only the cycle assigned to it, maps its own file format once, uploads a file in
that format, and answers a supplier's doubt about the data; the company sees
who uploaded, and the question with its answer."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys.models import SurveyCycle, all_respondents

from .. import factories as f
from .conftest import log_in

#: The provider's own export: its column names, "female", answers 1 and 2.
THEIR_FILE = "Interview date,Sex,Q_wage,Q_water,Interviewer\n" + "".join(
    f"2027-03-0{3 + i % 5},{'female' if i % 3 else 'male'},{1 + i % 2},1,Linh\n"
    for i in range(12))

COLUMNS = ("Interview date = date\nSex = gender\nQ_wage = WAGE_RUNS_OUT\n"
           "Q_water = CLEAN_WATER\nInterviewer = -")
VALUES = "gender: female = woman\ngender: male = man\nanswers: 1 = yes\nanswers: 2 = no"


def test_a_provider_runs_a_cycle_in_its_own_format(app, server, browser, page, problems,
                                                   tmp_path):
    app.config["FIXED_TODAY"] = "2027-03-20"
    noordwind, linde = f.company("Noordwind"), f.company("Linde Outdoor")
    eva = f.user(company=noordwind, admin=True, name="Eva", email="eva@noordwind.example")
    saigon = f.supplier(noordwind, linde, name="Saigon Stitch", country="VN")
    lan = f.user(Role.supplier, supplier=saigon, name="Lan", email="lan@saigon.example")
    site = f.site(saigon, name="Thu Duc factory", country="VN", headcount=80)
    other_site = f.site(saigon, name="Binh Duong plant", country="VN", headcount=50)
    version = f.published(noordwind, "Noordwind survey")
    fairvoice = f.provider(noordwind, "FairVoice Surveys", agreed=(noordwind,))
    f.user(Role.provider, provider=fairvoice, name="Ana", email="ana@fairvoice.example")
    theirs = f.cycle(noordwind, site, version, headcount=80)
    theirs.provider_id = fairvoice.id
    f.cycle(noordwind, other_site, version, headcount=50)  # Noordwind runs it itself
    f.cycle(linde, site, f.published(linde, "Linde survey"), headcount=80)
    db.session.commit()

    # Ana sees the one cycle assigned to FairVoice, nothing else: her home.
    page.goto(f"{server}/login")
    page.fill("#email", "ana@fairvoice.example")
    page.fill("#password", f.PASSWORD)
    page.click("main input[type=submit]")
    page.wait_for_url(f"{server}/cycles")
    expect(page.locator("main")).to_contain_text("Thu Duc factory")
    expect(page.locator("main")).not_to_contain_text("Binh Duong plant")
    expect(page.locator("main")).not_to_contain_text("Linde")

    # She maps FairVoice's format once: its columns, its values.
    page.goto(f"{server}/mapping")
    page.fill("#columns", COLUMNS)
    page.fill("#values", VALUES)
    page.get_by_role("button", name="Save the mapping").click()
    expect(page.locator(".flash")).to_contain_text("The mapping is saved")

    # A file in FairVoice's own format goes in through the mapping.
    upload = tmp_path / "fairvoice-export.csv"
    upload.write_text(THEIR_FILE)
    page.goto(f"{server}/cycles/{theirs.id}")
    page.set_input_files("#import input[type=file]", str(upload))
    page.locator("#import [type=submit]").click()
    page.get_by_role("button", name="Import 12 respondents").click()
    expect(page.locator(".flash")).to_contain_text("12")
    assert all_respondents(db.session.get(SurveyCycle, theirs.id)) == 12

    # Eva sees who uploaded it.
    eva_page = browser.new_context().new_page()
    log_in(eva_page, server, eva.email, f.PASSWORD)
    eva_page.goto(f"{server}/cycles/{theirs.id}")
    expect(eva_page.locator("#import")).to_contain_text("Ana (FairVoice Surveys)")

    # Released; Lan doubts a question and asks FairVoice, which answers.
    cycle = db.session.get(SurveyCycle, theirs.id)
    cycle.results_shared_on, cycle.results_shared_by_id = date(2027, 3, 20), eva.id
    db.session.commit()
    lan_page = browser.new_context().new_page()
    log_in(lan_page, server, lan.email, f.PASSWORD)
    lan_page.goto(f"{server}/cycles/{theirs.id}/provider-doubts")
    lan_page.fill("textarea[name=text]", "Did workers read 'wage runs out' as this month only?")
    lan_page.get_by_role("button", name="Ask the provider").click()
    expect(lan_page.locator("main")).to_contain_text("this month only")

    page.goto(f"{server}/cycles/{theirs.id}/provider-doubts")
    page.locator("textarea[name=answer]").fill("The Vietnamese text says 'usually'. We will "
                                               "add an example next round.")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.locator("main")).to_contain_text("add an example next round")

    eva_page.goto(f"{server}/cycles/{theirs.id}/provider-doubts")
    expect(eva_page.locator("main")).to_contain_text("this month only")
    expect(eva_page.locator("main")).to_contain_text("add an example next round")
    assert not problems
