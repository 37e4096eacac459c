"""A provider's saved mapping: its columns and values are written once and every
later file of its cycles is read through it; what it does not name is still
refused with its row and column."""

from __future__ import annotations

import io

import pytest

from wsdialog.audit import AuditEntry
from wsdialog.extensions import db
from wsdialog.models import Role
from wsdialog.surveys import mapping
from wsdialog.surveys.models import ImportBatch, Response

from .. import factories as f

#: A real provider's file: its own column names and values.
THEIRS = (b"Interview date,Sex,Age group,Q1,Q2,start\n"
          b"2027-03-02,female,25-34,1,2,08:14\n"
          b"2027-03-03,male,18-24,2,1,09:40\n"
          b"2027-03-03,female,25-34,9,1,10:02\n")
COLUMNS = ("Interview date = date\nSex = gender\nAge group = age_band\nQ1 = WAGE_RUNS_OUT\n"
           "Q2 = CLEAN_WATER\nstart = -")
VALUES = ("gender: female = woman\ngender: male = man\nage_band: 25-34 = 25_34\n"
          "age_band: 18-24 = 18_24\nanswers: 1 = yes\nanswers: 2 = no\nanswers: 9 = dk")


def test_the_mapping_renames_leaves_out_and_translates():
    saved, problems = mapping.parse(COLUMNS, VALUES)
    assert problems == []
    rows = [line.split(",") for line in THEIRS.decode().splitlines()]
    mapped = saved.apply(rows)
    assert mapped[0] == ["date", "gender", "age_band", "WAGE_RUNS_OUT", "CLEAN_WATER"]
    assert mapped[1] == ["2027-03-02", "woman", "25_34", "yes", "no"]
    assert mapped[3][3] == "dk"
    assert mapping.parse(*mapping.as_text(saved))[0] == saved


@pytest.mark.parametrize(("columns", "values", "code"), [
    ("Sex gender", "", "not_a_pair"),
    ("Sex = sex", "", "unknown_column"),
    ("Sex = gender\nsex = gender", "", "twice"),
    ("", "gender: female = female", "unknown_value"),
    ("", "female = woman", "no_column"),
    ("", "answers: 1 = maybe", "unknown_value"),
])
def test_a_wrong_line_is_named(columns, values, code):
    _saved, problems = mapping.parse(columns, values)
    assert [p.code for p in problems] == [code]
    assert problems[0].params["line"] == (2 if code == "twice" else 1)


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-10"}


def test_a_provider_maps_once_and_its_files_import(app, as_user):
    company = f.company("Noordwind")
    site = f.site(f.supplier(company, name="Ningbo"), headcount=40)
    fair = f.provider(None, "FairVoice", agreed=(company,))
    ana = as_user(f.user(Role.provider, provider=fair, name="Ana"))
    cycle = f.cycle(company, site, f.published(company, "Survey"), headcount=40)
    cycle.provider_id = fair.id
    db.session.commit()

    refused = f.import_results(ana, cycle, THEIRS, name="theirs.csv").text
    assert "Nothing was imported" in refused or "unknown" in refused.lower()
    page = ana.post("/mapping", data={"sample": (io.BytesIO(THEIRS), "t.csv"),
                                      "read": "1"}, content_type="multipart/form-data").text
    assert "Age group =" in page and "Sex: female =" in page and "08:14" not in page
    assert ana.post("/mapping", data={"columns": "Sex = sex", "values": "",
                                      "submit": "1"}).status_code == 422
    ana.post("/mapping", data={"columns": COLUMNS, "values": VALUES, "submit": "1"})
    assert db.session.scalar(db.select(AuditEntry).where(AuditEntry.kind == "provider_mapping"))
    f.import_results(ana, cycle, THEIRS, name="theirs.csv")
    assert db.session.scalar(db.select(db.func.count(Response.id))) == 3
    assert db.session.scalar(db.select(ImportBatch)).respondents == 3
    # A value the mapping does not name is refused with its row and column.
    unnamed = THEIRS.replace(b"male,18-24", b"nonbinary,18-24")
    text = f.import_results(ana, cycle, unnamed, name="other.csv").text
    assert "Row 3" in text and "gender" in text
    # Other providers' people and company staff do not reach this page.
    assert as_user(f.user(company=company)).get("/mapping").status_code == 404
