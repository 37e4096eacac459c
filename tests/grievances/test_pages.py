"""The grievance pages of a site, as their users meet them: brand staff and the
site's supplier enter and import figures, a second company sharing the supplier
sees nothing of them, counts that could point at a person are withheld, and the
page reads silence where workers say they are afraid."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook

from wsdialog.extensions import db
from wsdialog.grievances import queries
from wsdialog.grievances.models import EffectivenessCheck, GrievanceSummary
from wsdialog.grievances.rules import CRITERIA, Channel, Reading
from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.operations import store
from wsdialog.surveys.respondents import Respondent

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-09-01"}


def _count(**where) -> int:
    return db.session.scalar(sa.select(sa.func.count(GrievanceSummary.id)).filter_by(**where))


def _entry(**fields) -> dict:
    return {"period": "2027-05", "channel": "helpline", "received": "12", "resolved": "8",
            "still_open": "4", "theme_wages": "7", "theme_harassment": "2", **fields}


# --- entering -----------------------------------------------------------------------


def test_brand_staff_enter_a_months_figures(world, as_user):
    client = as_user(world.a_staff)
    response = client.post(f"/sites/{world.site_a.id}/grievances", data=_entry())
    assert response.status_code == 303
    summary = db.session.scalar(sa.select(GrievanceSummary).filter_by(
        site_id=world.site_a.id, period_start=date(2027, 5, 1)))
    assert (summary.company_id, summary.received, summary.by_theme) == (
        world.a.id, 12, {"wages": 7, "harassment": 2})
    body = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2027-05" in body and "fewer than 5" in body  # harassment (2) withheld
    # Entering the same period and channel again replaces its figures.
    client.post(f"/sites/{world.site_a.id}/grievances", data=_entry(received="20"))
    db.session.refresh(summary)
    assert summary.received == 20 and _count(site_id=world.site_a.id,
                                             period_start=date(2027, 5, 1)) == 1


@pytest.mark.parametrize(("fields", "message"), [
    ({"resolved": "10", "still_open": "5"}, "Resolved and still open together are more than"),
    ({"theme_wages": "11", "theme_hours": "5"}, "The counts by theme add up to more than"),
    ({"women": "13"}, "This is more than received."),
    ({"period": "2027-13"}, "Please write a month as 2027-03"),
    ({"period": "9999-12"}, "Please write a month as 2027-03"),
    ({"received": "99999999999999999999"}, "This number is too large."),
    ({"period": "2027-Q2"}, "overlaps another entered for this channel"),  # May is in
    ({"received": "-3"}, "Please enter 0 or more."),
    ({"received": "many"}, "Please enter a whole number"),
    ({"channel": "fax"}, "Please choose one of the options."),
    ({"days_to_response": "soon"}, "Please enter a number of days"),
])
def test_impossible_figures_are_refused_and_nothing_changes(world, as_user, fields, message):
    client = as_user(world.a_staff)
    client.post(f"/sites/{world.site_a.id}/grievances", data=_entry(period="2027-05"))
    before = _count()
    data = _entry(**{"period": "2027-06", **fields})
    response = client.post(f"/sites/{world.site_a.id}/grievances", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _count() == before


def test_a_supplier_enters_figures_for_one_company_which_the_other_never_sees(world, as_user):
    supplier = as_user(world.shared_user)
    page = supplier.get(f"/sites/{world.site_shared.id}/grievances").get_data(as_text=True)
    assert "Alpha Apparel" in page and "SECRET-B Brand" in page  # it picks which
    response = supplier.post(f"/sites/{world.site_shared.id}/grievances",
                             data=_entry(company=str(world.a.id), period="2027-07"))
    assert response.status_code == 303
    summary = db.session.scalar(sa.select(GrievanceSummary).filter_by(
        site_id=world.site_shared.id, period_start=date(2027, 7, 1)))
    assert summary.company_id == world.a.id and summary.entered_by_id == world.shared_user.id
    # A sees it; B, sharing the supplier, sees nothing of it nor of A's other rows.
    a_page = as_user(world.a_staff).get(
        f"/sites/{world.site_shared.id}/grievances?year=2027").get_data(as_text=True)
    assert "2027-07" in a_page
    b = as_user(world.b_staff)
    b_page = b.get(f"/sites/{world.site_shared.id}/grievances?year=2027").get_data(as_text=True)
    assert "2027-07" not in b_page
    assert b.get(f"/grievances/{summary.id}").status_code == 404
    assert b.post(f"/grievances/{summary.id}/delete", data={"submit": "1"}).status_code == 404
    assert b.get(f"/sites/{world.site_shared.id}/grievances?company={world.a.id}"
                 ).status_code == 404
    # A supplier cannot enter figures for a company it does not work with.
    other = f.company("Stranger Co")
    db.session.commit()
    response = supplier.post(f"/sites/{world.site_shared.id}/grievances",
                             data=_entry(company=str(other.id), period="2027-08"))
    assert response.status_code == 422 and _count(company_id=other.id) == 0


def test_each_company_sees_only_its_own_figures_at_a_shared_factory(app, world):
    from flask_login import login_user

    for user, own, other in ((world.a_staff, world.a, world.b), (world.b_staff, world.b, world.a)):
        with app.test_request_context():
            login_user(user)
            rows = queries.summaries(world.site_shared, own.id, user)
            assert rows and {r.company_id for r in rows} == {own.id}
            assert queries.summaries(world.site_shared, other.id, user) == []


def test_correct_and_delete_a_periods_figures(world, as_user):
    client = as_user(world.a_staff)
    summary, summary_id = world.grievance_a, world.grievance_a.id
    response = client.post(f"/grievances/{summary.id}", data=_entry(received="13"))
    assert response.status_code == 303
    db.session.refresh(summary)
    assert summary.received == 13 and summary.period_start == date(2027, 2, 1)
    assert client.post(f"/grievances/{summary.id}", data=_entry(received="1")).status_code == 422
    client.post(f"/grievances/{summary_id}/delete", data={"submit": "1"})
    db.session.expunge_all()
    assert db.session.get(GrievanceSummary, summary_id) is None


# --- importing ----------------------------------------------------------------------


def _csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _import(client, site, data: bytes, name: str = "figures.csv", **fields):
    return client.post(f"/sites/{site.id}/grievances/import",
                       data={"import-file": (io.BytesIO(data), name), **fields},
                       content_type="multipart/form-data")


HEADER = ["period", "channel", "received", "resolved", "open", "women", "wages", "harassment"]


def test_a_file_imports_all_its_rows(world, as_user):
    client = as_user(world.a_staff)
    rows = [HEADER] + [[f"2026-{m:02d}", "helpline", "10", "6", "4", "3", "6", "2"]
                       for m in range(1, 13)] + [["2026-Q1", "union", "4", "4", "0", "", "", ""]]
    response = _import(client, world.site_a, _csv(rows))
    assert response.status_code == 303
    assert _count(site_id=world.site_a.id, company_id=world.a.id) == 2 + 13
    body = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2026-12" in body and "Union" in body


def test_an_xlsx_file_imports_too(world, as_user):
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["2026-Q3", "app", 7, 2, 5, None, 7, 0])
    out = io.BytesIO()
    workbook.save(out)
    response = _import(as_user(world.a_staff), world.site_a, out.getvalue(), "figures.xlsx")
    assert response.status_code == 303
    assert _count(channel=Channel.app) == 1


@pytest.mark.parametrize(("rows", "problems"), [
    ([HEADER, ["2026-13", "helpline", "3", "", "", "", "", ""]],
     ["Row 2, column period: '2026-13' is not a period"]),
    ([HEADER, ["2026-01", "fax", "3", "", "", "", "", ""]],
     ["Row 2, column channel: 'fax' is not a channel; allowed are: helpline, app"]),
    ([HEADER, ["2026-01", "helpline", "3", "2", "2", "", "", ""]],
     ["Row 2, column resolved: Resolved and still open together are more than received."]),
    ([HEADER, ["2026-01", "helpline", "3", "", "", "", "2", "2"]],
     ["Row 2: The counts by theme add up to more than received."]),
    ([HEADER, ["2026-01", "helpline", "3", "", "", "4", "", ""]],
     ["Row 2, column women: This is more than received."]),
    ([HEADER, ["2026-01", "helpline", "-1", "", "", "", "", ""]],
     ["Row 2, column received: '-1' is not a whole number of 0 or more."]),
    ([HEADER, ["2026-01", "helpline", "1e99", "", "", "", "", ""]],
     ["Row 2, column received: '1e99' is not a whole number of 0 or more."]),
    ([HEADER, ["9999-12", "helpline", "1", "", "", "", "", ""]],
     ["Row 2, column period: '9999-12' is not a period"]),
    ([HEADER, ["2026-01", "helpline", "", "", "", "", "", ""]],
     ["Row 2, column received: This cell is required."]),
    ([HEADER, ["2026-01", "helpline", "3", "", "", "", "", ""],
      ["2026-01", "helpline", "3", "", "", "", "", ""]],
     ["Row 3, column period: This period and channel already appear in row 2."]),
    ([HEADER, ["2026-Q1", "helpline", "3", "", "", "", "", ""],
      ["2026-02", "helpline", "3", "", "", "", "", ""]],
     ["Row 3, column period: 2026-02 overlaps 2026-Q1 of the same channel"]),
    ([HEADER, ["2027-Q1", "helpline", "3", "", "", "", "", ""]],  # Jan and Feb are in
     ["Row 2, column period: 2027-Q1 overlaps 2027-01 of the same channel"]),
    ([["period", "channel", "received", "gossip"]],
     ["Row 1, column gossip: 'gossip' is not a column we know", "no figures"]),
    ([["period", "received"], ["2026-01", "3"]], ["The file has no 'channel' column."]),
])
def test_a_file_with_any_problem_imports_nothing_and_says_where(world, as_user, rows, problems):
    client = as_user(world.a_staff)
    good = [["2026-06", "suggestion_box", "1", "", "", "", "", ""]] if len(rows[0]) == 8 else []
    before = _count()
    response = _import(client, world.site_a, _csv(rows + good))
    assert response.status_code == 422
    body = response.get_data(as_text=True).replace("&#39;", "'")
    assert "Nothing was imported" in body
    for problem in problems:
        assert problem in body, problem
    assert _count() == before  # the good row too: all or nothing


@pytest.mark.parametrize("data", [b"", b"\x00\x01garbage", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_table_is_refused(world, as_user, data):
    response = _import(as_user(world.a_staff), world.site_a, data)
    assert response.status_code == 422 and "Nothing was imported" in response.get_data(
        as_text=True)


def test_the_templates_import_as_they_are(world, as_user):
    client = as_user(world.a_staff)
    response = client.get(f"/sites/{world.site_a.id}/grievances/template.csv")
    assert response.status_code == 200
    assert _import(client, world.site_a, response.data).status_code == 303
    response = client.get(f"/sites/{world.site_a.id}/grievances/template.xlsx")
    legend = load_workbook(io.BytesIO(response.data)).worksheets[1]
    assert [row[0] for row in legend.iter_rows(values_only=True)][:4] == [
        "Column", "period", "channel", "received"]


# --- the reading --------------------------------------------------------------------


def _released_survey(world, afraid: int, not_afraid: int):
    version = f.published(world.a, "Voice", codes=("AFRAID_TO_RAISE", "WAGE_RUNS_OUT"))
    cycle = f.cycle(world.a, world.site_a, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), headcount=400)
    db.session.flush()
    store(cycle, [Respondent(answered_on=date(2027, 3, 5), channel="web", language="en",
                             demographics={}, row=i,
                             answers={"AFRAID_TO_RAISE": Answer.yes if i < afraid else Answer.no})
                  for i in range(afraid + not_afraid)])
    cycle.release(world.a_admin, date(2027, 4, 1))
    db.session.commit()
    return cycle


def _silent_site(world):
    world.site_a.headcount = 4000
    for summary in db.session.scalars(sa.select(GrievanceSummary).filter_by(
            site_id=world.site_a.id)):
        db.session.delete(summary)
    db.session.add(GrievanceSummary(company_id=world.a.id, site_id=world.site_a.id,
                                    period_kind="quarter", period_start=date(2027, 1, 1),
                                    channel=Channel.helpline, received=0, by_theme={}))
    db.session.commit()


def test_few_complaints_where_workers_are_afraid_reads_as_silence(world, as_user):
    _silent_site(world)
    _released_survey(world, afraid=30, not_afraid=10)
    body = as_user(world.a_staff).get(f"/sites/{world.site_a.id}/grievances?year=2027"
                                      ).get_data(as_text=True)
    assert "Silence is the likelier explanation." in body


def test_few_complaints_where_workers_are_not_afraid_is_only_few(world, as_user):
    _silent_site(world)
    _released_survey(world, afraid=5, not_afraid=35)
    body = as_user(world.a_staff).get(f"/sites/{world.site_a.id}/grievances?year=2027"
                                      ).get_data(as_text=True)
    assert "Silence is the likelier" not in body and "Few or no complaints come in" in body


def test_many_complaints_are_not_a_bad_sign_in_themselves(world, as_user):
    world.site_a.headcount = 100
    db.session.commit()
    body = as_user(world.a_staff).get(f"/sites/{world.site_a.id}/grievances?year=2027"
                                      ).get_data(as_text=True)
    assert "Many complaints is not a bad sign in itself" in body


def test_site_figures_is_one_call_with_plain_figures(app, world):
    from flask_login import login_user

    _silent_site(world)
    _released_survey(world, afraid=30, not_afraid=10)
    with app.test_request_context():
        login_user(world.a_staff)
        figures = queries.site_figures(world.site_a, world.a_staff, 2027)
    assert figures.reading is Reading.silence and figures.afraid_share == pytest.approx(
        0.75, abs=0.1)
    assert figures.rate == 0 and figures.k == 5
    [helpline] = figures.channels
    assert helpline.channel is Channel.helpline and helpline.received == 0


def test_withheld_counts_on_the_page(app, world):
    from flask_login import login_user

    with app.test_request_context():
        login_user(world.a_staff)
        figures = queries.site_figures(world.site_a, world.a_staff, 2027)
    january, february = figures.channels[0].periods
    assert january.received == 10  # the total stays
    assert january.themes["harassment"].fewer_than_k
    assert january.themes["wages"].withheld and not january.themes["wages"].fewer_than_k
    assert february.themes["unclassified"].fewer_than_k and january.women.withheld
    assert figures.channels[0].theme_totals["wages"] is None  # never summed past a withheld cell


# --- the effectiveness check ------------------------------------------------------------


def _check(**answers) -> dict:
    return {"channel": "helpline", "checked_on": "2027-08-01",
            **{f"answer_{code}": answers.get(code, "yes") for code in CRITERIA},
            "note_accessible": "Posters in Vietnamese only"}


def test_checks_are_kept_with_their_date_and_the_latest_shown(world, as_user):
    client = as_user(world.a_staff)
    assert client.post(f"/sites/{world.site_a.id}/grievances/check",
                       data=_check(legitimate="no")).status_code == 303
    checks = db.session.scalars(sa.select(EffectivenessCheck).filter_by(
        site_id=world.site_a.id).order_by(EffectivenessCheck.checked_on)).all()
    assert len(checks) == 2 and checks[-1].met == 7
    assert checks[-1].notes == {"accessible": "Posters in Vietnamese only"}
    page = client.get(f"/sites/{world.site_a.id}/grievances?year=2027").get_data(as_text=True)
    assert "7 of 8 criteria met" in page
    history = client.get(f"/sites/{world.site_a.id}/grievances/check").get_data(as_text=True)
    assert "Posters in Vietnamese only" in history and "0 of 8 criteria met" in history


def test_an_incomplete_check_is_refused(world, as_user):
    data = _check()
    del data["answer_learning"]
    response = as_user(world.a_staff).post(f"/sites/{world.site_a.id}/grievances/check",
                                           data={**data, "answer_legitimate": "maybe"})
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(EffectivenessCheck.id))) == 2


@pytest.mark.parametrize("role", ["a_reviewer", "a_provider", "coordinator", "sb_user"])
def test_others_reach_no_grievance_page(world, as_user, role):
    client = as_user(getattr(world, role))
    assert client.get(f"/sites/{world.site_a.id}/grievances").status_code == 404
    assert client.get(f"/grievances/{world.grievance_a.id}").status_code == 404


# --- one factory entered twice -------------------------------------------------------------


def test_a_confirmed_link_moves_the_companys_figures_without_counting_twice(world):
    from wsdialog.grievances.rules import Figures, PeriodKind
    from wsdialog.suppliers.operations import confirm_link

    march = GrievanceSummary(company=world.a, site=world.site_shared, channel=Channel.helpline,
                             period_kind=PeriodKind.month, period_start=date(2027, 3, 1))
    march.set_figures(Figures(received=4))
    db.session.add(march)
    check = EffectivenessCheck(company=world.a, site=world.site_shared, channel=Channel.union,
                               checked_on=date(2027, 3, 1))
    check.record(dict.fromkeys(CRITERIA, "no"), {})
    db.session.add(check)
    db.session.commit()
    b_rows = _count(company_id=world.b.id, site_id=world.site_shared.id)
    # A asked its own supplier whether its copy of the shared factory is their site.
    confirm_link(world.link_a, world.sa_user)
    at_a = {(s.period_start.month, s.received) for s in db.session.scalars(
        sa.select(GrievanceSummary).filter_by(company_id=world.a.id, site_id=world.site_a.id))}
    # January and February were entered at both: the confirmed site's stay; March moves.
    assert at_a == {(1, 10), (2, 10), (3, 4)}
    assert _count(company_id=world.a.id, site_id=world.site_shared.id) == 0
    assert db.session.get(EffectivenessCheck, check.id).site_id == world.site_a.id
    assert _count(company_id=world.b.id, site_id=world.site_shared.id) == b_rows
