"""Cycles, imports and the built-in worker survey, as users meet them."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys.models import (
    ImportBatch,
    Response,
    ResponseAnswer,
    SurveyCycle,
)

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-05"}


@pytest.fixture
def brand(app):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    supplier = f.supplier(company, name="Pearl River Apparel", country="CN")
    site = f.site(supplier, name="Dongguan", country="CN", headcount=200)
    db.session.commit()
    return eva, site


def _cycle(eva, site, **kwargs):
    version = f.published(eva.company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER"))
    cycle = f.cycle(eva.company, site, version, **kwargs)
    db.session.commit()
    return cycle


def test_planning_a_cycle_suggests_dates_and_warns_about_holidays(brand, as_user):
    eva, site = brand
    version = f.published(eva.company, "Survey", locales=("en", "zh_Hans"))
    db.session.commit()
    client = as_user(eva)
    form = client.get(f"/sites/{site.id}/cycles/new").get_data(as_text=True)
    assert 'value="200"' in form  # the site's headcount
    response = client.post(f"/sites/{site.id}/cycles/new", data={
        "version": str(version.id), "starts_on": "2027-02-01", "ends_on": "2027-02-14",
        "headcount": "200", "channels": ["phone", "web"], "languages": ["zh_Hans", "en"]})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Public holidays in this window" in page and "Chinese New Year" in page
    bad = client.post(f"/sites/{site.id}/cycles/new", data={
        "version": str(version.id), "starts_on": "2027-02-14", "ends_on": "2027-02-01",
        "headcount": "0"})
    body = bad.get_data(as_text=True)
    assert "The end cannot be before the start." in body
    assert db.session.scalar(sa.select(sa.func.count(SurveyCycle.id))) == 1


def test_the_plan_form_checks_its_dates_for_holiday_periods_without_planning(brand, as_user):
    eva, site = brand
    version = f.published(eva.company, "Survey")
    db.session.commit()
    client = as_user(eva)
    late_february = {"version": str(version.id), "starts_on": "2027-02-15",
                     "ends_on": "2027-02-28", "headcount": "200", "channels": ["web"],
                     "languages": ["en"], "check": "Check the dates for holidays"}
    response = client.post(f"/sites/{site.id}/cycles/new", data=late_february)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Plan a survey cycle" in page
    # No public holiday in the window, but the weeks after Chinese New Year.
    assert "Public holidays in this window" not in page
    assert "Around holidays, many workers are away" in page
    assert "Chinese New Year (Spring Festival), about" in page
    assert "come back weeks later" in page
    quiet = client.post(f"/sites/{site.id}/cycles/new", data={
        **late_february, "starts_on": "2027-07-01", "ends_on": "2027-07-14"})
    assert "No public holidays or holiday periods" in quiet.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(SurveyCycle.id))) == 0  # only checked
    eva.locale = "zh_Hans"
    db.session.commit()
    chinese = client.post(f"/sites/{site.id}/cycles/new", data=late_february)
    assert "春节" in chinese.get_data(as_text=True)  # the package's Chinese name
    cycle = _cycle(eva, site, starts_on=date(2027, 2, 15), ends_on=date(2027, 2, 28))
    assert "春节" in client.get(f"/cycles/{cycle.id}").get_data(as_text=True)


BAD_FILE = (b"date,gender,WAGE_RUNS_OUT,CLEAN_WATER,respondent\n"
            b"2027-03-02,woman,yes,no,r1\n"
            b"2027-03-32,woman,perhaps,no,r2\n"
            b"2027-03-03,man,no,yes,r1\n")
GOOD_FILE = (b"date,gender,WAGE_RUNS_OUT,CLEAN_WATER,respondent\n"
             b"2027-03-02,woman,yes,no,r1\n"
             b"2027-03-03,man,no,yes,r2\n"
             b"2027-03-04,,dk,,r3\n")



def test_an_import_with_errors_lists_them_all_and_stores_nothing(brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    response = f.import_results(as_user(eva), cycle, BAD_FILE)
    body = response.get_data(as_text=True)
    assert "Nothing was imported" in body
    assert "Row 3, column date" in body and "Row 3, column WAGE_RUNS_OUT" in body
    assert "Row 4, column respondent" in body and "already appears in row 2" in body
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(ImportBatch.id))) == 0


def test_a_good_import_counts_and_the_same_file_is_not_imported_twice(brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    client = as_user(eva)
    response = f.import_results(client, cycle, GOOD_FILE)
    assert response.status_code == 303
    page = client.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "3 respondents imported." in page
    assert "3%" in page  # 3 of the 100 workers counted for the cycle
    assert db.session.scalar(sa.select(sa.func.count(ResponseAnswer.response_id))) == 5
    again = f.import_results(client, cycle, GOOD_FILE).get_data(as_text=True)
    assert "imported into this cycle before" in again
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 3
    # Nothing in a response says who it was.
    columns = set(Response.__table__.columns.keys())
    assert columns == {"id", "cycle_id", "batch_id", "answered_on", "channel", "language",
                       "gender", "age_band", "contract", "role"}


def test_xlsx_files_and_the_template_work(brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    client = as_user(eva)
    template = client.get(f"/cycles/{cycle.id}/template.csv")
    assert template.mimetype == "text/csv"
    assert template.get_data(as_text=True).startswith("date,channel,language,gender")
    book = Workbook()
    book.active.append(["date", "WAGE_RUNS_OUT"])
    book.active.append([date(2027, 3, 2), "Y"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert f.import_results(client, cycle, buffer.getvalue(), "results.xlsx").status_code == 303
    garbage = f.import_results(client, cycle, b"\x00\x01\x02PK garbage", "results.xlsx")
    assert "cannot be read as CSV or XLSX" in garbage.get_data(as_text=True)


def test_extending_a_cycle_needs_a_reason(brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    client = as_user(eva)
    client.post(f"/cycles/{cycle.id}/extend", data={"ends_on": "2027-03-21", "reason": ""})
    assert db.session.get(SurveyCycle, cycle.id).ends_on == date(2027, 3, 14)
    client.post(f"/cycles/{cycle.id}/extend", data={"ends_on": "2027-03-21",
                                                     "reason": "Low response"})
    assert db.session.get(SurveyCycle, cycle.id).ends_on == date(2027, 3, 21)


def test_an_extension_may_not_run_into_the_next_cycle(brand, as_user):
    """Planning refuses overlapping windows; extending did not."""
    eva, site = brand
    cycle = _cycle(eva, site)
    f.cycle(eva.company, site, cycle.version, starts_on=date(2027, 3, 25),
            ends_on=date(2027, 4, 7))
    db.session.commit()
    page = as_user(eva).post(f"/cycles/{cycle.id}/extend", data={
        "ends_on": "2027-03-28", "reason": "Low response"}, follow_redirects=True)
    assert "would run into the next cycle" in page.get_data(as_text=True)
    assert db.session.get(SurveyCycle, cycle.id).ends_on == date(2027, 3, 14)
    as_user(eva).post(f"/cycles/{cycle.id}/extend", data={"ends_on": "2027-03-24",
                                                          "reason": "Low response"})
    assert db.session.get(SurveyCycle, cycle.id).ends_on == date(2027, 3, 24)


def test_a_supplier_user_sees_its_cycles_but_cannot_import(brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    lan = f.user(Role.supplier, supplier=site.supplier)
    db.session.commit()
    client = as_user(lan)
    assert "Dongguan" in client.get("/cycles").get_data(as_text=True)
    page = client.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Import a provider's file" not in page
    assert f.import_results(client, cycle, GOOD_FILE).status_code == 404


def test_random_uploads_never_cause_a_server_error_or_a_partial_import(brand, as_user):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    eva, site = brand
    cycle = _cycle(eva, site)
    client = as_user(eva)
    line = st.lists(st.sampled_from(["2027-03-02", "yes", "no", "dk", "", "maybe", "woman",
                                     "WAGE_RUNS_OUT", "date", "x,y", "\"", "é", "\x00"]),
                    max_size=6).map(",".join)

    @settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.binary(max_size=300),
                     st.lists(line, max_size=8).map(lambda ls: "\n".join(ls).encode())),
           st.sampled_from(["r.csv", "r.xlsx", "r"]))
    def upload(data, name):
        before = db.session.scalar(sa.select(sa.func.count(Response.id)))
        response = f.import_results(client, cycle, data, name)
        assert response.status_code in (200, 303)
        after = db.session.scalar(sa.select(sa.func.count(Response.id)))
        if response.status_code == 200:
            assert after == before  # refused: nothing at all was stored

    upload()


def test_a_new_cycle_starts_in_the_countrys_languages_and_says_what_it_uses(brand, as_user):
    eva, site = brand  # in China
    version = f.published(eva.company, "Survey", locales=("en", "zh_Hans"))
    earlier = f.cycle(eva.company, site, version, starts_on=date(2026, 9, 1),
                      ends_on=date(2026, 9, 14))
    db.session.commit()
    client = as_user(eva)
    form = client.get(f"/sites/{site.id}/cycles/new").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="zh_Hans"', form)
    assert not re.search(r'<input checked[^>]*value="en"', form)
    assert "Survey · v1 (English, 简体中文)" in form
    # The round after September was due in November: that has passed (today: March).
    assert "that time has passed, so plan it soon" in form
    page = client.get(f"/cycles/{earlier.id}").get_data(as_text=True)
    assert "<dt>Languages</dt><dd>English</dd>" in page
    assert "the built-in web survey" in page and "Web</dd>" in page


def test_a_too_large_upload_is_refused_with_a_clear_message(app, brand, as_user):
    eva, site = brand
    cycle = _cycle(eva, site)
    app.config["MAX_CONTENT_LENGTH"] = 2**20
    # Encoded here, in memory: the test client would spool a large body to a file.
    boundary, body = encode_multipart({"file": FileStorage(
        io.BytesIO(GOOD_FILE + b"2027-03-04,,dk,,r\n" * 80_000), "results.csv")})
    response = as_user(eva).post(f"/cycles/{cycle.id}/import", data=body,
                                 content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413
    assert "files of up to 1 MB can be uploaded" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Response.id))) == 0


def test_a_zip_bomb_upload_is_refused_with_a_message(brand, as_user):
    import zipfile

    eva, site = brand
    cycle = _cycle(eva, site)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)
    response = f.upload_results(as_user(eva), cycle, buffer.getvalue(), "bomb.xlsx")
    assert response.status_code == 200
    assert "too much to be read" in response.get_data(as_text=True)


def test_planning_at_a_sri_lankan_site_offers_only_reviewed_languages_and_links_to_the_review(
        brand, as_user):
    eva, _site = brand
    site = f.site(_site.supplier, name="Katunayake", country="LK", headcount=300)
    version = f.published(eva.company, "Survey", locales=("en", "ta"))
    db.session.commit()
    form = as_user(eva).get(f"/sites/{site.id}/cycles/new").get_data(as_text=True)
    offered = re.findall(r'name="languages" type="checkbox" value="(\w+)"', form)
    assert offered == ["en", "ta"]  # Sinhala is not reviewed, no version has Chinese
    assert "Survey is not reviewed yet in සිංහල" in form
    assert f'href="/questionnaires/{version.questionnaire_id}">review its texts</a>' in form
    # The built-in web survey is the one channel ticked at first.
    assert re.search(r'<input checked[^>]*value="web"', form)
    assert not re.search(r'<input checked[^>]*value="phone"', form)


def test_the_suppliers_surveys_page_says_who_plans_the_cycles(brand, as_user):
    eva, site = brand
    lan = f.user(Role.supplier, supplier=site.supplier)
    db.session.commit()
    empty = as_user(lan).get("/cycles").get_data(as_text=True)
    assert "plan a cycle" not in empty.lower() and "Go to sites" not in empty
    assert "When a company you work with plans one at your sites, it shows here." in empty
    _cycle(eva, site)
    page = as_user(lan).get("/cycles").get_data(as_text=True)
    assert "The companies you work with plan them" in page
    assert "Plan a cycle from the site's page." not in page
    assert "Plan a cycle from the site's page." in as_user(eva).get("/cycles").get_data(
        as_text=True)
