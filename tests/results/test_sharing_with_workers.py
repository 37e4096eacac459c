"""Workers hear back: the supplier records how and when it shared a cycle's
results with its workers; the brand sees it on the results page, the dialogue's
checklist ticks it, the year's summary counts it, and the supplier's home page
reminds it when nothing is recorded after the company's number of days. A
site's first cycle does not ask about "the last survey"."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlalchemy as sa

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.results.models import ResultsSettings, SharingWay, WorkerSharing
from wsdialog.surveys.models import ResponseAnswer

from .. import factories as f

TODAY = date(2027, 5, 20)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": TODAY.isoformat()}


@pytest.fixture
def story(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    supplier = f.supplier(company, name="Saigon Stitch")
    lan = f.user(Role.supplier, supplier=supplier, name="Lan")
    site = f.site(supplier, name="Thu Duc", headcount=40)
    version = f.published(company, "Survey")
    cycle = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), headcount=40)
    db.session.commit()
    rows = "date,WAGE_RUNS_OUT,CLEAN_WATER\n" + "2027-03-02,yes,no\n" * 8
    assert f.import_results(as_user(eva), cycle, rows.encode()).status_code in (200, 303)
    cycle.release(eva, date(2027, 4, 1))
    db.session.commit()
    return eva, lan, cycle


def sharings() -> list[WorkerSharing]:
    return list(db.session.scalars(sa.select(WorkerSharing)))


def test_the_supplier_records_sharing_and_the_brand_sees_it(as_user, story):
    eva, lan, cycle = story
    supplier = as_user(lan)
    home = supplier.get("/").get_data(as_text=True)
    assert "Tell your workers about the results" in home  # released 49 days ago
    form = supplier.get(f"/cycles/{cycle.id}/shared-with-workers")
    assert form.status_code == 200
    saved = supplier.post(f"/cycles/{cycle.id}/shared-with-workers", data={
        "way": "meeting", "shared_on": "2027-04-10", "workers_reached": "35"})
    assert saved.status_code == 303
    assert [(s.way.value, s.shared_on, s.workers_reached) for s in sharings()] == [
        ("meeting", date(2027, 4, 10), 35)]
    assert "Tell your workers about the results" not in supplier.get("/").get_data(as_text=True)

    brand = as_user(eva)
    page = brand.get(f"/cycles/{cycle.id}/results").get_data(as_text=True)
    assert "Shared with workers" in page and "A meeting with workers" in page
    assert "about 35 workers reached" in page
    summary = brand.get("/reports/due-diligence?year=2027").get_data(as_text=True)
    assert re.search(r"<strong>1</strong>\s*cycles whose results workers heard back", summary)
    table = brand.get("/reports/due-diligence.csv?year=2027").get_data(as_text=True)
    assert "Shared with workers" in table and "2027-04-10" in table


def test_a_day_before_the_release_or_to_come_is_refused_and_nothing_stored(as_user, story):
    _eva, lan, cycle = story
    supplier = as_user(lan)
    for day in ("2027-03-20", "2027-06-01"):
        page = supplier.post(f"/cycles/{cycle.id}/shared-with-workers",
                             data={"way": "poster", "shared_on": day})
        assert page.status_code == 422
        assert "from the release (Apr 1, 2027) to today" in page.get_data(as_text=True)
    page = supplier.post(f"/cycles/{cycle.id}/shared-with-workers",
                         data={"way": "by pigeon", "shared_on": "2027-04-10"})
    assert page.status_code == 422 and "Please choose one of the options" in page.get_data(
        as_text=True)
    assert sharings() == []


def test_results_not_released_cannot_have_been_shared(as_user, story):
    eva, lan, cycle = story
    unreleased = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2027, 5, 1),
                         ends_on=date(2027, 5, 14))
    db.session.commit()
    for user in (eva, lan):
        assert as_user(user).post(f"/cycles/{unreleased.id}/shared-with-workers", data={
            "way": "poster", "shared_on": "2027-05-19"}).status_code == 404
    assert sharings() == []


def test_the_reminder_waits_for_the_companys_number_of_days(as_user, story):
    eva, lan, cycle = story
    db.session.add(ResultsSettings(company_id=eva.company_id, sharing_reminder_days=60))
    db.session.commit()
    assert "Tell your workers about the results" not in as_user(lan).get("/").get_data(
        as_text=True)  # 49 days of 60
    assert "Results the workers have not heard back yet" not in as_user(eva).get("/").get_data(
        as_text=True)
    settings = as_user(eva).post("/settings/results", data={
        "priority_pct": "50", "min_group": "5", "sharing_reminder_days": "30"})
    assert settings.status_code == 303
    assert "Tell your workers about the results" in as_user(lan).get("/").get_data(as_text=True)
    assert "Results the workers have not heard back yet" in as_user(eva).get("/").get_data(
        as_text=True)


def test_the_dialogue_checklist_ticks_sharing_with_workers(as_user, story):
    eva, lan, cycle = story
    brand = as_user(eva)
    planned = brand.post(f"/cycles/{cycle.id}/dialogues/new", data={
        "day": "2027-06-01", "time": "09:00", "minutes": "90", "timezone": "Asia/Ho_Chi_Minh",
        "language": "en"})
    assert planned.status_code == 303, planned.get_data(as_text=True)[:2000]
    detail = planned.headers["Location"]

    def item() -> str:
        page = brand.get(detail).get_data(as_text=True)
        return re.search(r'<li class="(\w+)">[^<]*<span aria-hidden="true">[^<]*</span> '
                         r'The results are shared with the workers who were asked', page).group(1)

    assert item() == "open"
    as_user(lan).post(f"/cycles/{cycle.id}/shared-with-workers",
                      data={"way": "poster", "shared_on": "2027-04-02"})
    assert item() == "done"


def test_a_sites_first_survey_does_not_ask_about_the_last_one(app, story):
    _eva, _lan, first = story
    version = f.published(first.company, "With follow-up", codes=("WAGE_RUNS_OUT",
                                                                  "RESULTS_SHARED"))
    site = f.site(first.site.supplier, name="Binh Duong", headcount=40)
    new_site = f.cycle(first.company, site, version, starts_on=date(2027, 5, 15),
                       ends_on=date(2027, 5, 30))
    again = f.cycle(first.company, first.site, version, starts_on=date(2027, 5, 15),
                    ends_on=date(2027, 5, 30))
    db.session.commit()
    worker = app.test_client()
    assert "Question RESULTS_SHARED?" not in worker.get(f"/s/{new_site.public_token}").get_data(
        as_text=True)
    assert "Question RESULTS_SHARED?" in worker.get(f"/s/{again.public_token}").get_data(
        as_text=True)
    page = worker.get(f"/s/{new_site.public_token}").get_data(as_text=True)
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    worker.post(f"/s/{new_site.public_token}", data={
        "form_token": token, "WAGE_RUNS_OUT": "yes", "RESULTS_SHARED": "no"})
    assert db.session.scalars(sa.select(ResponseAnswer.question_code).where(
        ResponseAnswer.cycle_id == new_site.id)).all() == ["WAGE_RUNS_OUT"]


def test_a_providers_file_for_a_first_survey_may_carry_the_column_it_does_not_count(
        as_user, story):
    eva, _lan, first = story
    version = f.published(first.company, "With follow-up", codes=("WAGE_RUNS_OUT",
                                                                  "RESULTS_SHARED"))
    site = f.site(first.site.supplier, name="Binh Duong", headcount=40)
    cycle = f.cycle(first.company, site, version, starts_on=date(2027, 4, 1),
                    ends_on=date(2027, 4, 14))
    db.session.commit()
    rows = "date,WAGE_RUNS_OUT,RESULTS_SHARED\n" + "2027-04-02,yes,no\n" * 6
    done = f.import_results(as_user(eva), cycle, rows.encode())
    assert done.status_code in (200, 303), done.get_data(as_text=True)[:1500]
    codes = set(db.session.scalars(sa.select(ResponseAnswer.question_code).where(
        ResponseAnswer.cycle_id == cycle.id)))
    assert codes == {"WAGE_RUNS_OUT"}


def test_the_daily_reminder_mails_the_supplier_once_in_its_language(app, story, smtp):
    from email import message_from_bytes

    from ..conftest import with_smtp

    _eva, lan, cycle = story
    lan.locale = "vi"
    db.session.commit()
    controller, sink = smtp
    app.config.update(with_smtp({}, smtp))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["reminders"])
    assert "Reminders sent: 1 to share results with workers, 0 of" in result.output
    [envelope] = sink.messages
    assert envelope.rcpt_tos == [lan.email]
    body = message_from_bytes(envelope.content).get_payload(decode=True).decode()
    assert "Thu Duc" in body and f"/cycles/{cycle.id}/shared-with-workers" in body
    assert "Noordwind" in body
    assert "Reminders sent: 0 to" in runner.invoke(args=["reminders"]).output  # once
    db.session.add(WorkerSharing.record(cycle, SharingWay.poster, date(2027, 5, 1), None, lan,
                                        TODAY))
    db.session.commit()
    assert len(sink.messages) == 1
