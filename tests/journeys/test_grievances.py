"""Grievance channels as input, in a real browser (issue 24): a company imports a
helpline's monthly figures for a site; its survey results page reads them beside
the answers; the dialogue proposes the theme workers complain about most and the
complaints left open; the preparation's checklist ticks "grievance figures
reviewed"; the yearly summary's ESRS S2-3 section lists the channel."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from wsdialog.dialogues.models import AttentionPoint
from wsdialog.extensions import db
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from .conftest import log_in

#: Six months of a helpline at the site: wages most of all; two left open a month.
HELPLINE = "period,channel,received,resolved,open,days_to_resolution,wages,hours\n" + "".join(
    f"2027-0{month},helpline,20,18,2,9,10,6\n" for month in range(1, 7))


def test_a_helplines_figures_meet_the_survey_the_dialogue_and_the_summary(
        app, server, page, problems, tmp_path):
    app.config["FIXED_TODAY"] = "2027-09-01"
    noordwind = f.company("Noordwind")
    eva = f.user(company=noordwind, admin=True, name="Eva", email="eva@noordwind.example")
    saigon = f.supplier(noordwind, name="Saigon Stitch", country="VN")
    site = f.site(saigon, name="Thu Duc factory", country="VN", headcount=400)
    cycle = f.cycle(noordwind, site, f.published(noordwind, "Noordwind survey"), headcount=400)
    store(cycle, [Respondent(date(2027, 3, 5), "web", "vi",
                             {"gender": "woman", "age_band": None, "contract": None,
                              "role": None},
                             {"WAGE_RUNS_OUT": Answer.yes, "CLEAN_WATER": Answer.yes})] * 20)
    cycle.results_shared_on, cycle.results_shared_by = date(2027, 3, 20), eva
    db.session.commit()

    # Eva imports the helpline's figures on the site's grievance page.
    log_in(page, server, eva.email, f.PASSWORD)
    upload = tmp_path / "helpline-2027.csv"
    upload.write_text(HELPLINE)
    page.goto(f"{server}/sites/{site.id}/grievances")
    page.set_input_files("#import input[type=file]", str(upload))
    page.locator("#import [type=submit]").click()
    expect(page.locator("#reading")).to_contain_text("120")  # received in six months

    # Beside the survey's results: the reading of the figures.
    page.goto(f"{server}/cycles/{cycle.id}/results")
    grievances = page.locator("#grievances")
    expect(grievances).to_contain_text("grievance channels in 2027")
    expect(grievances).to_contain_text("Workers use the channels")
    expect(grievances).to_contain_text("Still open more than 90 days")

    # The dialogue: the figures propose points, and the checklist gets its item.
    page.goto(f"{server}/cycles/{cycle.id}/dialogues/new")
    page.fill("#day", "2027-09-10")
    page.fill("#time", "10:00")
    page.fill("#place", "Meeting room, Thu Duc")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url("**/dialogues/*")
    dialogue_url = page.url.split("#")[0]
    page.goto(f"{dialogue_url}/prepare")
    proposed = page.locator("#points")
    expect(proposed).to_contain_text("From the grievance figures")
    expect(proposed).to_contain_text("Many complaints about Wages: 60 of 120 in 2027")
    expect(proposed).to_contain_text("complaints still open more than 90 days")
    page.get_by_role("button", name="Keep the ticked points").click()
    kept = db.session.scalars(db.select(AttentionPoint.question_code)).all()
    assert {"grievance:wages", "grievance:unresolved"} <= set(kept)

    page.goto(f"{dialogue_url}/prepare")
    page.fill("#grievance_note", "Wages lead the helpline as in the survey; 10 complaints "
                                 "still open from the spring.")
    page.get_by_role("button", name="Save the preparation").click()
    page.goto(dialogue_url)
    expect(page.locator("#checklist li.done")).to_contain_text(["Grievance figures reviewed"])

    # The yearly summary: the ESRS S2-3 section lists the site's channel.
    page.goto(f"{server}/reports/due-diligence?year=2027")
    section = page.locator("#grievance-channels")
    expect(section).to_contain_text("ESRS S2-3")
    expect(section).to_contain_text("Thu Duc factory")
    expect(section).to_contain_text("Helpline")
    expect(section).to_contain_text("90%")  # share resolved
    assert problems == []
