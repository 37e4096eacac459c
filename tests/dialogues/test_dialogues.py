"""The dialogue log as brand staff and supplier users meet it: from released
results to a planned, prepared, recorded dialogue, agreements kept by both
sides, and whether they worked in the next cycle."""

from __future__ import annotations

import email
import email.policy
import html
import re
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext
from icalendar import Calendar

from wsdialog.config import LANGUAGES
from wsdialog.dialogues.models import Action, ActionStatus, Dialogue, DialogueStatus
from wsdialog.extensions import db
from wsdialog.models import Role, StateError
from wsdialog.onboarding.models import MilestoneRevision
from wsdialog.questionnaires.answers import Answer
from wsdialog.results.models import ResultsAccess
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f
from ..conftest import with_smtp


@pytest.fixture
def app_config(app_config, smtp):
    return {**with_smtp(app_config, smtp), "FIXED_TODAY": "2027-04-01"}


def people(n, wage, water="yes"):
    return [Respondent(answered_on=date(2027, 3, 2), channel="phone", language="vi",
                       demographics={"gender": "woman", "age_band": None, "contract": None,
                                     "role": None},
                       answers={"WAGE_RUNS_OUT": Answer(wage), "CLEAN_WATER": Answer(water)})
            for _ in range(n)]


@pytest.fixture
def story(app):
    noordwind = f.company("Noordwind")
    eva = f.user(company=noordwind, name="Eva", admin=True, email="eva@noordwind.example")
    saigon = f.supplier(noordwind, name="Saigon Stitch", country="VN")
    site = f.site(saigon, name="Thu Duc", country="VN", headcount=100)
    site.timezone = "Asia/Ho_Chi_Minh"
    version = f.published(noordwind, "Survey", locales=("en", "vi"))
    cycle = f.cycle(noordwind, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14))
    db.session.flush()
    store(cycle, people(14, "yes") + people(6, "no"))  # 70 % say wages run out
    cycle.results_shared_on, cycle.results_shared_by = date(2027, 3, 20), eva
    lan = f.user(Role.supplier, supplier=saigon, name="Lan", locale="vi",
                 email="lan@saigonstitch.example")
    db.session.commit()
    return eva, lan, cycle


def _plan(client, cycle, day="2027-09-02", time="10:00"):
    response = client.post(f"/cycles/{cycle.id}/dialogues/new", data={
        "day": day, "time": time, "timezone": "Asia/Ho_Chi_Minh", "minutes": "90",
        "language": "vi", "place": "Meeting room, Thu Duc"})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return db.session.scalar(sa.select(Dialogue).order_by(Dialogue.id.desc()))


def test_a_dialogue_needs_released_results(story, as_user):
    eva, _lan, cycle = story
    cycle.results_shared_on = None
    db.session.commit()
    assert as_user(eva).get(f"/cycles/{cycle.id}/dialogues/new").status_code == 404


def test_planning_shows_every_participants_local_time_and_holidays(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    assert dialogue.starts_at == datetime(2027, 9, 2, 3, 0)  # stored in UTC
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Lan", "organisation": "supplier", "department": "HR", "decides": "y",
        "language": "vi", "country": "VN", "timezone": "Asia/Ho_Chi_Minh",
        "email": "lan@saigonstitch.example"})
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Pieter", "organisation": "ngo", "language": "nl", "country": "NL",
        "timezone": "Europe/Amsterdam"})
    page = client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Sep 2, 2027, 10:00" in page and "Sep 2, 2027, 05:00" in page  # both local times
    assert "outside 08:00–18:00" in page and "public holiday" in page
    bad = client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "X", "organisation": "ngo", "language": "nl", "timezone": "Mars/Olympus"})
    assert bad.status_code == 422 and "Please choose a time zone" in bad.get_data(
        as_text=True)


def test_a_dialogue_in_ramadan_or_after_tet_warns_those_it_concerns(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2028-02-10")  # two weeks after Tết; Ramadan
    for name, country, zone in (("Lan", "VN", "Asia/Ho_Chi_Minh"),
                                ("Rina", "BD", "Asia/Dhaka")):
        client.post(f"/dialogues/{dialogue.id}/participants", data={
            "name": name, "organisation": "supplier", "language": "en",
            "country": country, "timezone": zone})
    page = html.unescape(client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True))
    assert "public holiday:" not in page
    assert "Lunar New Year, about" in page and "Ramadan, about" in page
    assert "working hours may be shorter" in page
    assert "in a holiday period for someone" in page


def test_the_checklist_ticks_itself_and_points_come_from_the_results(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    page = client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Preparation: 1 of" in page  # released: known to the app
    db.session.add(ResultsAccess(cycle_id=cycle.id, supplier_id=cycle.site.supplier_id,
                                 reviewed_at=datetime(2027, 3, 25)))
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Lan", "organisation": "supplier", "decides": "y", "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh"})
    page = client.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Preparation: 4 of" in page  # opened, reviewed, participants too
    prepare = client.get(f"/dialogues/{dialogue.id}/prepare").get_data(as_text=True)
    wages = f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 6, 0, 14).negative_share  # 70 %
    assert "WAGE_RUNS_OUT" in prepare and f"negative {f.pct(wages)}" in prepare
    client.post(f"/dialogues/{dialogue.id}/proposals", data={"code": ["WAGE_RUNS_OUT"]})
    assert [p.question_code for p in dialogue.points] == ["WAGE_RUNS_OUT"]
    assert f.pct(wages, whole=True) in dialogue.points[0].text
    client.post(f"/dialogues/{dialogue.id}/prepare", data={
        "audit_note": "Audit of May: overtime", "open_questions": "Why late pay?",
        "look_beforehand": "Could you bring the payroll calendar?"})
    assert "Preparation: 7 of" in client.get(f"/dialogues/{dialogue.id}").get_data(
        as_text=True)
    # What the grievance figures say, read beside the survey's: one more ticked.
    client.post(f"/dialogues/{dialogue.id}/prepare", data={
        "audit_note": "Audit of May: overtime", "open_questions": "Why late pay?",
        "look_beforehand": "Could you bring the payroll calendar?",
        "grievance_note": "Two helpline calls a year: silence, not peace."})
    assert "Preparation: 8 of" in client.get(f"/dialogues/{dialogue.id}").get_data(
        as_text=True)
    # In the record: what the supplier says about its mechanism.
    client.post(f"/dialogues/{dialogue.id}/record", data={
        "held_on": "2027-03-25", "mechanism_note": "The suggestion box is opened monthly."})
    db.session.refresh(dialogue)
    assert dialogue.mechanism_note == "The suggestion box is opened monthly."
    assert "opened monthly" in client.get(f"/dialogues/{dialogue.id}/record").get_data(
        as_text=True)


def test_the_supplier_sees_the_plan_but_not_the_brands_preparation(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/prepare", data={
        "open_questions": "BRAND-ONLY question", "look_beforehand": "Bring the payroll"})
    client.post(f"/dialogues/{dialogue.id}/points", data={"text": "BRAND-ONLY point"})
    supplier = as_user(lan)
    page = supplier.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Bring the payroll" in page and "BRAND-ONLY" not in page
    for path in ("prepare", "record", "script", "invite", "follow-up"):
        assert supplier.get(f"/dialogues/{dialogue.id}/{path}").status_code == 404
    supplier.post(f"/dialogues/{dialogue.id}/points", data={
        "text": "Overtime in peak season", "question_code": "WAGE_RUNS_OUT"})
    page = supplier.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Overtime in peak season" in page and "BRAND-ONLY" not in page
    assert "Overtime in peak season" in client.get(
        f"/dialogues/{dialogue.id}/prepare").get_data(as_text=True)


def test_invitations_go_out_in_each_language_with_a_calendar_file(story, as_user, smtp):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Lan", "organisation": "supplier", "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh", "email": "lan@saigonstitch.example"})
    client.post(f"/dialogues/{dialogue.id}/invite")
    _controller, sink = smtp
    messages = [email.message_from_bytes(m.content, policy=email.policy.default)
                for m in sink.messages]
    [message] = [m for m in messages if "lan@saigonstitch.example" in m["To"]]
    assert "Invitation" not in message["Subject"]  # in Lan's language, Vietnamese
    ics_part = next(part for part in message.walk()
                    if part.get_content_type() == "text/calendar")
    event = Calendar.from_ical(ics_part.get_payload(decode=True)).walk("VEVENT")[0]
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime(2027, 9, 2, 3, 0)


def test_a_move_and_a_no_show_are_kept_and_revise_the_timeline(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/no-show", data={"note": "nobody came"})
    client.post(f"/dialogues/{dialogue.id}/move", data={
        "day": "2027-09-09", "time": "09:00", "timezone": "Asia/Ho_Chi_Minh",
        "reason": "no_show"})
    assert dialogue.starts_at == datetime(2027, 9, 9, 2, 0) and dialogue.sequence == 1
    assert [c.kind for c in dialogue.changes] == ["no_show", "moved"]
    revisions = list(db.session.scalars(sa.select(MilestoneRevision)))
    assert [r.reason for r in revisions] == ["no_show", "no_show"]
    assert dialogue.milestone.due_on == date(2027, 9, 9)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_follow_up_message_is_written_in_every_shipped_language(story, as_user, lang):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/record", data={
        "held_on": "2027-03-25", "openness": "open", "notes": "Good talk"})
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Pay on the 5th", "owner": "factory", "owner_name": "HR manager",
        "due_on": "2027-11-30", "codes": ["WAGE_RUNS_OUT"]})
    page = client.get(f"/dialogues/{dialogue.id}/follow-up?lang={lang}").get_data(
        as_text=True)
    with force_locale(lang):
        words = gettext("What we agreed:")
    assert lang == "en" or words != "What we agreed:"  # translated
    assert html.escape(words, quote=False) in page and "Pay on the 5th" in page


def test_agreements_are_kept_by_both_sides_and_show_whether_they_worked(
        story, as_user, app):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    client.post(f"/dialogues/{dialogue.id}/record", data={
        "held_on": "2027-03-25", "openness": "mostly_open", "follow_up_offered": "y"})
    assert dialogue.status is DialogueStatus.held
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Pay on the 5th", "owner": "factory", "due_on": "2027-05-31",
        "codes": ["WAGE_RUNS_OUT"]})
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Order planning two months ahead", "owner": "brand", "due_on": "2027-03-31",
        "purchasing": "y"})
    pay, planning = sorted(dialogue.actions, key=lambda a: a.title, reverse=True)
    # Overdue on both home pages.
    assert "Order planning two months ahead" in client.get("/").get_data(as_text=True)
    supplier = as_user(lan)
    assert "Order planning two months ahead" in supplier.get("/").get_data(as_text=True)
    # The supplier updates one; the brand is told.
    supplier.post(f"/actions/{pay.id}", data={"status": "in_progress",
                                               "comment": "New payroll date agreed",
                                               "evidence": "Payroll calendar"})
    assert pay.status is ActionStatus.in_progress
    home = client.get("/").get_data(as_text=True)
    assert "News from suppliers on agreements" in home and "Pay on the 5th" in home
    client.get(f"/actions/{pay.id}")  # seen
    assert "News from suppliers" not in client.get("/").get_data(as_text=True)
    dropped = client.post(f"/actions/{planning.id}", data={"status": "dropped"})
    assert "Please say why it is dropped" in dropped.get_data(as_text=True)
    # The next cycle: fewer say their wages run out; but the agreement is not done.
    nxt = f.cycle(eva.company, cycle.site, cycle.version, starts_on=date(2027, 6, 1),
                  ends_on=date(2027, 6, 14))
    db.session.flush()
    store(nxt, people(5, "yes") + people(15, "no"))
    nxt.results_shared_on = date(2027, 6, 20)
    db.session.commit()
    app.config["FIXED_TODAY"] = "2027-07-01"
    before = f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 6, 0, 14).negative_share  # 70 %
    between = f.shown(nxt, ("all", "WAGE_RUNS_OUT"), 15, 0, 5).negative_share
    page = client.get(f"/actions/{pay.id}").get_data(as_text=True)
    assert "not done yet" in page and "better" not in page
    assert f.pct(before) in page and f.pct(between) in page  # June's only as context
    assert "In between (context)" in page
    # Marked done on 1 July: June's cycle ran before it could act.
    supplier.post(f"/actions/{pay.id}", data={"status": "done", "comment": "Paid on the 5th"})
    assert pay.done_on == date(2027, 7, 1)
    page = client.get(f"/actions/{pay.id}").get_data(as_text=True)
    assert "too early to tell" in page and "better" not in page and "worse" not in page
    # September's cycle started after: once released, it gives the verdict.
    later = f.cycle(eva.company, cycle.site, cycle.version, starts_on=date(2027, 9, 1),
                    ends_on=date(2027, 9, 14))
    db.session.flush()
    store(later, people(4, "yes") + people(16, "no"))
    db.session.commit()
    app.config["FIXED_TODAY"] = "2027-10-01"
    assert "too early to tell" in client.get(f"/actions/{pay.id}").get_data(as_text=True)
    after = f.shown(later, ("all", "WAGE_RUNS_OUT"), 16, 0, 4).negative_share
    assert f.pct(after, "vi") not in supplier.get(f"/actions/{pay.id}").get_data(as_text=True)
    later.results_shared_on = date(2027, 9, 20)
    db.session.commit()
    page = client.get(f"/actions/{pay.id}").get_data(as_text=True)
    assert f.pct(after) in page and ("better" in page) == (after - before <= -0.05)
    assert "too early" not in page and "the first released one that started after" in page
    assert f.pct(after, "vi") in supplier.get(f"/actions/{pay.id}").get_data(as_text=True)
    listed = client.get("/actions").get_data(as_text=True)
    assert f"{f.pct(before)} → {f.pct(after)}" in listed
    export = client.get("/actions.csv").get_data().decode("utf-8-sig")
    assert "Pay on the 5th" in export
    assert f",{round(before, 4)},{round(after, 4)},2027-09-01" in export
    assert re.search(r"Lan|lan@", export) is None  # aggregated: nobody named by the app


def test_the_poster_and_the_yearly_summary_show_what_was_agreed(story, as_user):
    eva, lan, cycle = story
    cycle.languages = ["vi", "en"]
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    client.post(f"/dialogues/{dialogue.id}/record", data={"held_on": "2027-03-25",
                                                           "openness": "open"})
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Trả lương vào ngày 5 hằng tháng", "owner": "factory", "owner_name": "Mr Tran",
        "due_on": "2027-06-30", "codes": ["WAGE_RUNS_OUT"]})
    poster = client.get(f"/cycles/{cycle.id}/poster?lang=vi").get_data(as_text=True)
    # What was agreed, not the question again; by whom as a role, never a name.
    assert "Ban quản lý nhà máy:" in poster and "Trả lương vào ngày 5 hằng tháng" in poster
    assert "Tran" not in poster
    # Every share as Vietnamese writes it, whoever prints the poster.
    wages = f.shown(cycle, ("all", "WAGE_RUNS_OUT"), 6, 0, 14)
    shown = wages.negative_share if wages.negative_share > 0.5 else wages.shares[0]
    assert f.pct(shown, "vi") in poster
    english = as_user(lan).get(f"/cycles/{cycle.id}/poster?lang=en").get_data(as_text=True)
    assert f.pct(shown, "en") in english and f.pct(shown, "vi") not in english  # Lan reads vi
    summary = client.get("/reports/due-diligence?year=2027").get_data(as_text=True)
    assert "1</strong> agreed" in summary and "Wages" in summary


def test_released_results_without_a_dialogue_are_nudged_after_the_companys_days(
        story, as_user, app):
    eva, _lan, _cycle = story
    client = as_user(eva)
    # Released 12 days ago: not yet after the default 14 days, after 10.
    assert "Released results without a dialogue" not in client.get("/").get_data(
        as_text=True)
    client.post("/settings/dialogues", data={"nudge_days": "10"})
    assert "Released results without a dialogue" in client.get("/").get_data(as_text=True)


def test_releasing_a_sites_next_cycle_does_not_hide_the_one_still_without_a_dialogue(
        story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    client.post("/settings/dialogues", data={"nudge_days": "10"})
    # Another round at the site closed and was released yesterday.
    nxt = f.cycle(eva.company, cycle.site, cycle.version, starts_on=date(2027, 3, 16),
                  ends_on=date(2027, 3, 28))
    db.session.flush()
    store(nxt, people(10, "no"))
    nxt.results_shared_on, nxt.results_shared_by = date(2027, 3, 31), eva
    db.session.commit()
    waiting = f'/cycles/{cycle.id}/dialogues/new"'
    for path in ("/", "/dialogues"):
        page = client.get(path).get_data(as_text=True)
        assert "Released results without a dialogue" in page and waiting in page, path
        assert f"/cycles/{nxt.id}/dialogues/new" not in page  # within its days
    _plan(client, cycle)  # a dialogue planned: nothing waits any more
    assert "Released results without a dialogue" not in client.get("/dialogues").get_data(
        as_text=True)


def test_a_dialogues_day_is_written_so_that_nobody_misreads_it(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    _plan(client, cycle)  # 2 September 2027, 10:00 in Ho Chi Minh City
    listed = client.get("/dialogues").get_data(as_text=True)
    assert "Sep 2, 2027" in listed and "9/2/27" not in listed
    assert "2 thg 9, 2027" in as_user(lan).get("/dialogues").get_data(as_text=True)


def test_another_brand_sharing_the_supplier_sees_none_of_it(story, as_user):
    eva, _lan, cycle = story
    dialogue = _plan(as_user(eva), cycle)
    linde = f.company("Linde")
    pieter = f.user(company=linde, name="Pieter")
    f.relate(linde, cycle.site.supplier)
    db.session.commit()
    other = as_user(pieter)
    assert other.get(f"/dialogues/{dialogue.id}").status_code == 404
    assert "Thu Duc" not in other.get("/dialogues").get_data(as_text=True)
    assert other.get(f"/sites/{cycle.site_id}/history").status_code == 200
    assert "Dialogue with" not in other.get(f"/sites/{cycle.site_id}/history").get_data(
        as_text=True)


def test_the_site_timeline_lists_cycles_dialogues_and_agreements(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    client.post(f"/dialogues/{dialogue.id}/record", data={"held_on": "2027-03-25",
                                                           "openness": "open"})
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Pay on the 5th", "owner": "factory", "due_on": "2027-05-31"})
    for user in (eva, lan):
        page = as_user(user).get(f"/sites/{cycle.site_id}/history").get_data(as_text=True)
        assert page.index(f'href="/cycles/{cycle.id}"') \
            < page.index(f'href="/dialogues/{dialogue.id}"') < page.index("Pay on the 5th")
    assert db.session.scalar(sa.select(sa.func.count(Action.id))) == 1


def test_points_are_edited_and_a_doubt_becomes_a_task_on_the_questionnaire(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/proposals", data={"code": ["WAGE_RUNS_OUT"]})
    [point] = dialogue.points
    client.post(f"/points/{point.id}/edit", data={"text": "Late wages: what lies behind?"})
    assert point.text == "Late wages: what lies behind?"
    client.post(f"/points/{point.id}/edit", data={"text": ""})
    assert point.text == "Late wages: what lies behind?"  # empty: refused, unchanged
    client.post(f"/dialogues/{dialogue.id}/doubts", data={
        "question_code": "WAGE_RUNS_OUT", "doubt": "Workers read it as 'this week'",
        "answer": "The Vietnamese may be unclear",
        "task": "Re-check the Vietnamese translation of WAGE_RUNS_OUT"})
    page = client.get(f"/questionnaires/{cycle.version.questionnaire_id}").get_data(
        as_text=True)
    assert "Re-check the Vietnamese translation of WAGE_RUNS_OUT" in page
    [doubt] = dialogue.doubts
    client.post(f"/doubts/{doubt.id}/done")
    assert "Re-check the Vietnamese" not in client.get(
        f"/questionnaires/{cycle.version.questionnaire_id}").get_data(as_text=True)


def test_a_cancelled_dialogue_leaves_calendars_and_the_results_wait_again(
        story, as_user, app):
    eva, _lan, cycle = story
    app.config["FIXED_TODAY"] = "2027-05-01"  # released long enough ago for a reminder
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    assert "Released results without a dialogue" not in client.get("/").get_data(
        as_text=True)
    client.post(f"/dialogues/{dialogue.id}/cancel", data={"note": "Factory closed"})
    assert dialogue.status is DialogueStatus.cancelled
    event = Calendar.from_ical(client.get(f"/dialogues/{dialogue.id}/invitation.ics").data)
    assert str(event["method"]) == "CANCEL"
    assert "Released results without a dialogue" in client.get("/").get_data(as_text=True)


def test_forms_saved_unchanged_change_nothing(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    client.post(f"/dialogues/{dialogue.id}/move", data={
        "day": "2027-03-25", "time": "10:00", "timezone": "Asia/Ho_Chi_Minh",
        "reason": "other"})
    assert dialogue.changes == [] and dialogue.sequence == 0
    client.post(f"/dialogues/{dialogue.id}/record", data={"held_on": "2027-03-25",
                                                           "openness": "open"})
    client.post(f"/dialogues/{dialogue.id}/actions", data={
        "title": "Pay on the 5th", "owner": "factory", "due_on": "2027-05-31"})
    [action] = dialogue.actions
    as_user(lan).post(f"/actions/{action.id}", data={"status": "planned"})
    assert action.updates == []
    assert "News from suppliers" not in client.get("/").get_data(as_text=True)


def test_the_suppliers_calendar_file_holds_no_participants_addresses(story, as_user):
    eva, lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    client.post(f"/dialogues/{dialogue.id}/participants", data={
        "name": "Hoa", "organisation": "worker_rep", "language": "vi",
        "timezone": "Asia/Ho_Chi_Minh", "email": "hoa@private.example"})
    data = as_user(lan).get(f"/dialogues/{dialogue.id}/invitation.ics").get_data(as_text=True)
    assert "hoa@private.example" not in data and "BEGIN:VEVENT" in data


@pytest.mark.parametrize(("path", "state"), [
    ("record", "cancelled"), ("invite", "cancelled"), ("actions/new", "planned"),
    ("follow-up", "planned")])
def test_a_dialogue_in_the_wrong_state_refuses(story, as_user, path, state):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    if state == "cancelled":
        client.post(f"/dialogues/{dialogue.id}/cancel")
        assert dialogue.milestone.done  # off the timeline's overdue list
    assert client.get(f"/dialogues/{dialogue.id}/{path}").status_code == 404


def test_brand_staff_cannot_rewrite_the_suppliers_points(story, as_user):
    eva, lan, cycle = story
    dialogue = _plan(as_user(eva), cycle)
    as_user(lan).post(f"/dialogues/{dialogue.id}/points", data={"text": "Our own words"})
    [point] = dialogue.points
    assert as_user(eva).post(f"/points/{point.id}/edit",
                             data={"text": "Rewritten"}).status_code == 404
    assert point.text == "Our own words"


def _points(story, as_user, held: bool):
    """The supplier's point and the brand's, with notes, in a planned or held dialogue."""
    eva, lan, cycle = story
    dialogue = _plan(as_user(eva), cycle, day="2027-03-25")
    as_user(lan).post(f"/dialogues/{dialogue.id}/points", data={"text": "Our own words"})
    as_user(eva).post(f"/dialogues/{dialogue.id}/points", data={"text": "Late wages"})
    theirs, ours = sorted(dialogue.points, key=lambda p: not p.by_supplier)
    assert theirs.by_supplier and not ours.by_supplier
    if held:
        as_user(eva).post(f"/dialogues/{dialogue.id}/record", data={
            "held_on": "2027-03-25", "openness": "mostly_open"})
        assert dialogue.status is DialogueStatus.held
    theirs.notes, ours.notes = "They explained the payroll", "Agreed to look again"
    db.session.commit()
    return dialogue, theirs, ours


@pytest.mark.parametrize(("held", "who", "whose"), [
    (False, "eva", "theirs"), (True, "eva", "theirs"), (True, "eva", "ours"),
    (True, "lan", "theirs")])
def test_a_point_stays_unless_its_author_removes_it_before_the_meeting(
        story, as_user, held, who, whose):
    """The supplier's points are its own words, and a held dialogue's points with
    their notes are the record of what was said."""
    eva, lan, _cycle = story
    dialogue, theirs, ours = _points(story, as_user, held)
    point = theirs if whose == "theirs" else ours
    page = as_user(eva if who == "eva" else lan).get(
        f"/dialogues/{dialogue.id}/prepare" if who == "eva" else f"/dialogues/{dialogue.id}")
    assert f"/points/{point.id}/remove" not in page.get_data(as_text=True)
    response = as_user(eva if who == "eva" else lan).post(f"/points/{point.id}/remove")
    assert response.status_code == 404
    db.session.expire_all()
    assert len(dialogue.points) == 2 and point.notes
    with pytest.raises(StateError):
        dialogue.remove_point(point, by_supplier=who == "lan")


def test_before_the_meeting_each_side_removes_its_own_points(story, as_user):
    eva, lan, _cycle = story
    dialogue, theirs, ours = _points(story, as_user, held=False)
    assert f"/points/{ours.id}/remove" in as_user(eva).get(
        f"/dialogues/{dialogue.id}/prepare").get_data(as_text=True)
    assert f"/points/{theirs.id}/remove" in as_user(lan).get(
        f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert as_user(eva).post(f"/points/{ours.id}/remove").status_code == 303
    assert as_user(lan).post(f"/points/{theirs.id}/remove").status_code == 303
    db.session.expire_all()
    assert dialogue.points == []


def test_points_left_unticked_stay_unticked_after_keeping_the_others(story, as_user):
    eva, _lan, cycle = story
    store(cycle, people(20, "yes"))  # wages run out for most: a priority, and water a compliment
    db.session.commit()
    client = as_user(eva)
    dialogue = _plan(client, cycle)
    ticked = r'<input type="checkbox" name="code" value="{}" checked>'
    first = client.get(f"/dialogues/{dialogue.id}/prepare").get_data(as_text=True)
    assert re.search(ticked.format("WAGE_RUNS_OUT"), first)
    assert re.search(ticked.format("CLEAN_WATER"), first)
    response = client.post(f"/dialogues/{dialogue.id}/proposals", data={"code": ["CLEAN_WATER"]})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 point is kept." in page
    assert [p.question_code for p in dialogue.points] == ["CLEAN_WATER"]
    # The one left out is still there to add, but no longer ticked.
    assert "Proposed, not kept" in page
    assert 'name="code" value="WAGE_RUNS_OUT">' in page
    assert not re.search(ticked.format("WAGE_RUNS_OUT"), page)
    assert 'name="code" value="CLEAN_WATER"' not in page  # kept: a point now
    again = client.get(f"/dialogues/{dialogue.id}/prepare").get_data(as_text=True)
    assert 'name="code" value="WAGE_RUNS_OUT">' in again


def test_the_suppliers_points_show_on_the_dialogue_and_home_pages(story, as_user):
    eva, lan, cycle = story
    brand = as_user(eva)
    dialogue = _plan(brand, cycle)
    assert "Points suppliers want to raise" not in brand.get("/").get_data(as_text=True)
    supplier = as_user(lan)
    supplier.post(f"/dialogues/{dialogue.id}/points", data={"text": "Orders come late"})
    supplier.post(f"/dialogues/{dialogue.id}/points", data={"text": "Overtime in May"})
    brand.post(f"/dialogues/{dialogue.id}/points", data={"text": "BRAND-ONLY point"})
    page = brand.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)
    assert "Points Saigon Stitch wants to raise" in page
    assert "Orders come late" in page and "Overtime in May" in page
    home = brand.get("/").get_data(as_text=True)
    assert "Points suppliers want to raise" in home and "2 points" in home
    assert f"/dialogues/{dialogue.id}#supplier-points" in home
    lan.locale = "en"
    db.session.commit()
    own_home = supplier.get("/").get_data(as_text=True)
    assert f'/dialogues/{dialogue.id}#points">2 points of yours' in own_home
    assert "BRAND-ONLY" not in supplier.get(f"/dialogues/{dialogue.id}").get_data(as_text=True)


def test_doubts_and_points_name_their_question_by_its_words(story, as_user):
    eva, _lan, cycle = story
    client = as_user(eva)
    dialogue = _plan(client, cycle, day="2027-03-25")
    for path in (f"/dialogues/{dialogue.id}/record", f"/dialogues/{dialogue.id}/prepare"):
        page = client.get(path).get_data(as_text=True)
        assert '<option value="WAGE_RUNS_OUT">Question WAGE_RUNS_OUT?</option>' in page, path
