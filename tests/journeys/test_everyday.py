"""Everyday use, round two, in a real browser: meeting times across three zones
(and in the calendar file), who answered read at both thresholds, a released
page that a later edit of the site does not change, whether agreements worked
judged only on cycles that came after them, and the poster's numbers in the
poster's language."""

from __future__ import annotations

from datetime import UTC, date, datetime

from icalendar import Calendar
from playwright.sync_api import expect

from wsdialog.dialogues.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Dialogue,
    DialogueStatus,
)
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from .conftest import log_in

CODES = ("WAGE_RUNS_OUT", "CLEAN_WATER")


def _noordwind(zone: str | None = "Europe/Amsterdam"):
    company = f.company("Noordwind")
    eva = f.user(company=company, admin=True, name="Eva", email="eva@noordwind.example")
    eva.timezone = zone
    saigon = f.supplier(company, name="Saigon Stitch Co.", country="VN")
    site = f.site(saigon, name="Thu Duc factory", country="VN", headcount=40)
    site.timezone = "Asia/Ho_Chi_Minh"
    return company, eva, saigon, site


def _answers(cycle, negatives: int, total: int = 20, gender=None, contract=None) -> None:
    """``total`` respondents, the first ``negatives`` negative on wages; each
    respondent's gender and contract from the lists given (None: not said)."""
    store(cycle, [Respondent(
        cycle.starts_on, "phone", "en",
        {"gender": gender[i] if gender else None, "age_band": None,
         "contract": contract[i] if contract else None, "role": None},
        {"WAGE_RUNS_OUT": Answer.yes if i < negatives else Answer.no,
         "CLEAN_WATER": Answer.yes}) for i in range(total)])


def test_a_meeting_across_three_zones_reads_right_everywhere_and_in_its_calendar_file(
        app, server, page, problems):
    app.config["FIXED_TODAY"] = "2027-08-20"
    company, eva, _saigon, site = _noordwind()
    version = f.published(company, "Survey", CODES)
    cycle = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14))
    db.session.flush()
    _answers(cycle, 10)
    cycle.release(eva, date(2027, 6, 20))
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/cycles/{cycle.id}/dialogues/new")
    page.fill("#day", "2027-09-08")
    page.fill("#time", "10:00")  # in Eva's zone, as the form says: 08:00 UTC
    page.click("main input[type=submit]")
    expect(page.locator("h1")).to_contain_text("Dialogue with Saigon Stitch Co.")
    # Eva sees the meeting in her own zone, named by its place.
    expect(page.locator("main")).to_contain_text("2027, 10:00 Amsterdam · 90 minutes")
    expect(page.locator("main")).to_contain_text("At the site: Wednesday, September 8, 2027, "
                                                 "15:00 Ho Chi Minh City")
    for name, org, country, zone in (("Lan", "supplier", "VN", None),
                                     ("Priya", "ngo", "IN", None),
                                     ("Pieter", "brand", "NL", None)):
        page.click("text=Add someone")
        page.fill("#name", name)
        page.select_option("#organisation", org)
        page.select_option("#country", country)
        if zone:
            page.select_option("#timezone", zone)
        if org == "supplier":
            page.check("#decides")
        page.click("#participants input[type=submit]")
    rows = page.locator("#participants tbody tr")
    expect(rows.filter(has_text="Lan")).to_contain_text("15:00–16:30 Ho Chi Minh City")
    expect(rows.filter(has_text="Priya")).to_contain_text("13:30–15:00 Kolkata")  # one zone: taken
    expect(rows.filter(has_text="Pieter")).to_contain_text("10:00–11:30 Amsterdam")

    dialogue = db.session.scalar(db.select(Dialogue))
    response = page.request.get(f"{server}/dialogues/{dialogue.id}/invitation.ics")
    assert response.status == 200
    event = next(c for c in Calendar.from_ical(response.body()).walk() if c.name == "VEVENT")
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2027, 9, 8, 8, 0, tzinfo=UTC)
    assert problems == []


def test_who_answered_says_who_was_heard_more_or_less_with_the_threshold_used(
        app, server, page, problems):
    """Temporary workers are 25 % of the site and most of the respondents: heard
    more than others (over a third of the respondents); women are 80 % of the site
    and 40 % of the respondents: heard less (under 60 %). The built-in survey
    never asks about a migrant contract: "not asked", not "not heard"."""
    app.config["FIXED_TODAY"] = "2027-08-20"
    company, eva, _saigon, site = _noordwind()
    site.share_women_pct, site.share_temporary_pct, site.share_migrant_pct = 80, 25, 30
    version = f.published(company, "Survey", CODES)
    cycle = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14), channels=("web",))
    db.session.flush()
    _answers(cycle, 5, gender=["woman"] * 8 + ["man"] * 12,
             contract=["temporary"] * 13 + ["permanent"] * 7)
    cycle.release(eva, date(2027, 6, 20))
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/cycles/{cycle.id}/results")
    reach = page.locator(".reach")
    expect(reach.locator("tr", has_text="Women")).to_contain_text(
        "Heard less than others: under 60% of the respondents.")
    expect(reach.locator("tr", has_text="Temporary")).to_contain_text(
        "Heard more than others: over 33.3% of the respondents.")
    expect(reach.locator("tr", has_text="Migrant")).to_contain_text("not asked")
    expect(reach).not_to_contain_text("Not heard")
    assert problems == []


def test_a_released_page_stays_as_it_was_when_the_supplier_edits_the_site(
        app, server, page, browser, problems):
    app.config["FIXED_TODAY"] = "2027-08-20"
    company, eva, saigon, site = _noordwind()
    site.share_women_pct = 58
    version = f.published(company, "Survey", CODES)
    cycle = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14))
    db.session.flush()
    _answers(cycle, 6, gender=["woman"] * 12 + ["man"] * 8)
    cycle.release(eva, date(2027, 6, 20))
    f.user(Role.supplier, supplier=saigon, email="lan@saigonstitch.example", name="Lan")
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/cycles/{cycle.id}/results")
    women = page.locator(".reach tr", has_text="Women")
    expect(women).to_contain_text("58%")
    before = page.locator("#results").inner_text()

    lan_context = browser.new_context()
    lan = lan_context.new_page()
    log_in(lan, server, "lan@saigonstitch.example", f.PASSWORD)
    lan.goto(f"{server}/sites/{site.id}/edit")
    lan.fill("#share_women_pct", "60")
    lan.click("main input[type=submit]")
    expect(lan.locator(".flash")).to_be_visible()
    db.session.expire_all()
    assert site.share_women_pct == 60
    lan.goto(f"{server}/cycles/{cycle.id}/results")
    expect(lan.locator(".reach tr", has_text="Women")).to_contain_text("58%")
    lan_context.close()

    page.reload()
    assert page.locator("#results").inner_text() == before
    assert problems == []


def test_did_it_work_waits_for_a_cycle_that_started_after_the_agreement_was_done(
        app, server, page, problems):
    """Three agreements from the June dialogue: one still planned ("not done
    yet"), one done in July (judged on the August cycle, which started after),
    one done in late August (too early: the August cycle had begun; August shows
    as context only)."""
    app.config["FIXED_TODAY"] = "2027-10-01"
    company, eva, _saigon, site = _noordwind()
    version = f.published(company, "Survey", CODES)
    june = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 5, 1),
                   ends_on=date(2027, 5, 14))
    august = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 8, 1),
                     ends_on=date(2027, 8, 14))
    db.session.flush()
    _answers(june, 12)   # 60 % negative on wages
    _answers(august, 4)  # 20 %
    june.release(eva, date(2027, 5, 20))
    august.release(eva, date(2027, 8, 20))
    dialogue = Dialogue(company=company, cycle=june, starts_at=datetime(2027, 6, 10, 3, 0),
                        minutes=90, timezone="Asia/Ho_Chi_Minh", language="en",
                        created_by=eva, status=DialogueStatus.held, held_on=date(2027, 6, 10))
    db.session.add(dialogue)
    for title, done_at in (("Confirm orders eight weeks ahead", None),
                           ("Pay wages by the 5th", datetime(2027, 7, 15, 9, 0)),
                           ("Explain the pay slip", datetime(2027, 8, 25, 9, 0))):
        action = Action(title=title, owner="factory", due_on=date(2028, 1, 31),
                        codes=["WAGE_RUNS_OUT"])
        dialogue.actions.append(action)
        if done_at is not None:
            action.status = ActionStatus.done
            action.updates.append(ActionUpdate(status=ActionStatus.done, by=eva, at=done_at,
                                               seen_by_brand=True))
    db.session.commit()

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/actions")
    rows = page.locator("main table tbody tr")
    expect(rows.filter(has_text="Confirm orders eight weeks ahead")).to_contain_text(
        "not done yet")
    judged = rows.filter(has_text="Pay wages by the 5th")
    expect(judged).to_contain_text("better")
    expect(judged).to_contain_text(f.pct(f.shown(august, ("all", "WAGE_RUNS_OUT"), 16, 0, 4)
                                         .negative_share))
    expect(rows.filter(has_text="Explain the pay slip")).to_contain_text("too early to tell")
    assert problems == []


def test_the_poster_writes_its_numbers_in_its_own_language(app, server, page, problems):
    app.config["FIXED_TODAY"] = "2027-08-20"
    company, eva, _saigon, site = _noordwind()
    version = f.published(company, "Survey", CODES, locales=("en", "vi", "zh_Hans", "nl"))
    cycle = f.cycle(company, site, version, headcount=40, starts_on=date(2027, 6, 1),
                    ends_on=date(2027, 6, 14), languages=("vi", "zh_Hans", "nl", "en"))
    db.session.flush()
    _answers(cycle, 3)
    cycle.release(eva, date(2027, 6, 20))
    db.session.commit()
    good = f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 17, 0, 3)

    log_in(page, server, "eva@noordwind.example", f.PASSWORD)
    page.goto(f"{server}/?lang=en")
    for lang in ("vi", "zh_Hans", "nl", "en"):
        page.goto(f"{server}/cycles/{cycle.id}/poster?lang={lang}")
        poster = page.locator("main").inner_text()
        assert f.pct(good.shares[0], lang) in poster, (lang, poster[:400])
    assert problems == []
