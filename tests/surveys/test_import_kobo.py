"""A survey tool's export of the cycle's XLSForm imports as it is: KoboToolbox's
CSV ("XML values and headers"), with either separator, its own columns left out
and never stored, its submission id refusing the same submission in a later
file, and a value the form could not have given still refused by row and column."""

from __future__ import annotations

import io
from datetime import date

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from wsdialog.extensions import db
from wsdialog.surveys.importer import TOOL_COLUMNS, parse_table, read_table
from wsdialog.surveys.models import RespondentKey, Response

from .. import factories as f
from . import test_import_steps

# The brand's cycle of those tests: three questions, open since March 1st; today
# is March 10th.
app_config, setup = test_import_steps.app_config, test_import_steps.setup

CODES = ("WAGE_RUNS_OUT", "CLEAN_WATER", "SAFE_EXITS")

# As KoboToolbox exports the cycle's form today: ";" between quoted values, the
# form's fields by name, then the submission's own columns.
KOBO = (
    '"date";"WAGE_RUNS_OUT";"CLEAN_WATER";"SAFE_EXITS";"gender";"age_band";"contract";"role";'
    '"_id";"_uuid";"_submission_time";"_validation_status";"_status";"_submitted_by";'
    '"__version__";"meta/rootUuid";"_index"\n'
    '"2027-03-03";"yes";"no";"dk";"woman";"25_34";"migrant_contract";"production";'
    '"611";"5b1e7c1a-3f0e-4d8b-9c55-0a6f2d3e4b01";"2027-03-03T09:12:44";"";'
    '"submitted_via_web";"";"vKq3SxTgAPk9mfZ4";"uuid:5b1e7c1a-3f0e-4d8b-9c55-0a6f2d3e4b01";"1"\n'
    '"2027-03-04";"no";"";"yes";"";"";"";"";'
    '"612";"c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f";"2027-03-04T17:48:05";"";'
    '"submitted_via_web";"";"vKq3SxTgAPk9mfZ4";"uuid:c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f";"2"\n'
    '"2027-03-05";"dk";"yes";"";"man";"55_plus";"agency";"support";'
    '"613";"9e8d7c6b-5a4f-4e3d-a2c1-b0a9f8e7d6c5";"2027-03-05T06:01:30";"";'
    '"submitted_via_web";"";"vKq3SxTgAPk9mfZ4";"uuid:9e8d7c6b-5a4f-4e3d-a2c1-b0a9f8e7d6c5";"3"\n'
)
# An older export: "," and no quotes where none are needed, with the columns
# KoboToolbox had then (_notes, _tags, meta/instanceID), no meta/rootUuid.
KOBO_COMMA = (
    "date,WAGE_RUNS_OUT,CLEAN_WATER,SAFE_EXITS,gender,age_band,contract,role,"
    "meta/instanceID,_id,_uuid,_submission_time,_validation_status,_notes,_status,"
    "_submitted_by,__version__,_tags,_index\n"
    "2027-03-06,yes,yes,no,other,18_24,temporary,supervisor,"
    "uuid:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0,701,0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0,"
    "2027-03-06T11:20:00,,[],submitted_via_web,,vKq3SxTgAPk9mfZ4,[],1\n"
    "2027-03-07,no,,,,,,,"
    "uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d,702,1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d,"
    "2027-03-07T13:05:59,,[],submitted_via_web,,vKq3SxTgAPk9mfZ4,[],2\n"
)
#: What no stored row may hold: the submissions' ids, times and form version.
KOBO_ONLY = ("5b1e7c1a", "c2d4e6f8", "9e8d7c6b", "0f1e2d3c", "1a2b3c4d", "09:12:44", "T17:48",
             "06:01:30", "11:20:00", "13:05:59", "vKq3SxTgAPk9mfZ4", "submitted_via_web")


def _count(model=Response) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _stored_text() -> str:
    """Every value of every row of every table, as one text."""
    db.session.expire_all()
    return "\n".join(repr(tuple(row)) for table in db.metadata.sorted_tables
                     for row in db.session.execute(sa.select(table)))


def test_the_exports_columns_are_the_forms_fields_and_the_tools_own(setup):
    client, cycle = setup
    form = load_workbook(io.BytesIO(client.get(f"/cycles/{cycle.id}/xlsform.xlsx").data))
    fields = [row[1] for row in form["survey"].iter_rows(min_row=2, values_only=True)]
    for export in (KOBO, KOBO_COMMA):
        header = [c.lower() for c in read_table(export.encode(), "export.csv")[0]]
        assert [c for c in header if c not in TOOL_COLUMNS] == [n.lower() for n in fields]


@pytest.mark.parametrize("export", [KOBO, KOBO_COMMA], ids=["semicolon", "comma"])
def test_a_kobo_export_imports_without_a_mapping_and_keeps_none_of_the_tools_columns(
        setup, export):
    client, cycle = setup
    preview = f.upload_results(client, cycle, export.encode(), "Survey_-_all_versions.csv")
    assert preview.status_code == 303
    page = client.get(preview.headers["Location"]).get_data(as_text=True)
    rows = export.count("\n") - 1
    assert f"{rows} respondents will be added" in page
    assert "3 questions of the questionnaire are in the file" in page
    assert "left out and never stored: " in page and "_submission_time" in page
    assert client.post(preview.headers["Location"] + "/confirm").status_code == 303
    assert _count() == rows and _count(RespondentKey) == rows
    days = set(db.session.scalars(sa.select(Response.answered_on)))
    assert days <= {date(2027, 3, d) for d in range(3, 8)}
    stored = _stored_text()
    assert not [value for value in KOBO_ONLY if value in stored]


def test_the_same_submission_in_a_later_export_is_refused(setup):
    client, cycle = setup
    assert f.import_results(client, cycle, KOBO.encode(), "export-1.csv").status_code == 303
    # A later export holds the earlier submissions too, one of them edited since
    # (a new _uuid; meta/rootUuid stays), and one new submission.
    later = KOBO.replace('"_index"\n', '"_index"\n' + (
        '"2027-03-08";"yes";"yes";"yes";"";"";"";"";"614";"77777777-aaaa-4bbb-8ccc-dddddddddddd";'
        '"2027-03-08T10:00:00";"";"submitted_via_web";"";"vKq3SxTgAPk9mfZ4";'
        '"uuid:77777777-aaaa-4bbb-8ccc-dddddddddddd";"4"\n')).replace(
        '"611";"5b1e7c1a-3f0e-4d8b-9c55-0a6f2d3e4b01"',
        '"611";"e0e0e0e0-1111-4222-8333-444444444444"')
    refused = f.import_results(client, cycle, later.encode(), "export-2.csv")
    text = refused.get_data(as_text=True)
    assert "Nothing was imported" in text
    # The edited one by its meta/rootUuid, without the tool's "uuid:" prefix.
    assert ("Row 3, column meta/rootuuid: Respondent '5b1e7c1a-3f0e-4d8b-9c55-0a6f2d3e4b01' "
            "was imported into this cycle before") in text
    assert text.count("was imported into this cycle before") == 3
    assert _count() == 3
    # Only the new submission, alone: it goes in.
    header, new, *_earlier = later.strip().split("\n")
    assert f.import_results(client, cycle, f"{header}\n{new}\n".encode(),
                            "export-3.csv").status_code == 303
    assert _count() == 4


def test_an_older_exports_uuid_and_a_newer_exports_root_uuid_are_one_key():
    old = parse_table(read_table(KOBO_COMMA.encode(), "a.csv"), CODES)
    assert old.key_column == "_uuid"
    assert old.respondents[0].key == "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
    new = parse_table(read_table(KOBO.encode(), "b.csv"), CODES)
    assert new.key_column == "meta/rootuuid"
    assert new.respondents[0].key == "5b1e7c1a-3f0e-4d8b-9c55-0a6f2d3e4b01"
    own = parse_table([["date", "WAGE_RUNS_OUT", "respondent", "_uuid"],
                       ["2027-03-02", "yes", "P-1", "abc"]], CODES)
    assert own.key_column == "respondent" and own.respondents[0].key == "P-1"


@pytest.mark.parametrize(("change", "row", "column"), [
    (('"woman"', '"female"'), 2, "gender"),  # a label, not the choice's name
    (('"25_34"', '"29"'), 2, "age_band"),
    (('"no";"dk"', '"2";"dk"'), 2, "CLEAN_WATER"),
])
def test_a_value_the_form_could_not_give_is_still_refused_by_row_and_column(change, row,
                                                                            column):
    parsed = parse_table(read_table(KOBO.replace(*change).encode(), "k.csv"), CODES)
    assert not parsed.ok
    assert [(p.row, p.column) for p in parsed.problems] == [(row, column)]


def test_only_the_tools_known_columns_are_left_out():
    # Metadata the form does not ask (a start time, a device id) is no column we know.
    with_start = KOBO.replace('"date";', '"start";"date";', 1).replace(
        '"2027-03-03";', '"2027-03-03T09:01:00.000+07:00";"2027-03-03";', 1)
    parsed = parse_table(read_table(with_start.encode(), "k.csv"), CODES)
    assert [(p.row, p.column, p.code) for p in parsed.problems] == [
        (1, "start", "unknown_column")]
