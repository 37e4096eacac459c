"""Imports a brand can trust: upload, a preview, then confirm; the same
respondents never twice, nothing before the survey opens, no empty files, no
overlapping cycles."""

from __future__ import annotations

import io
from datetime import date

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from wsdialog.extensions import db
from wsdialog.surveys.models import ImportBatch, PendingImport, RespondentKey, Response

from .. import factories as f


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FIXED_TODAY": "2027-03-10"}


@pytest.fixture
def setup(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Pearl River"), name="Dongguan", headcount=200)
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "CLEAN_WATER", "SAFE_EXITS"))
    cycle = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), languages=["zh_Hans", "en"],
                    channels=["whatsapp"])
    db.session.commit()
    return as_user(eva), cycle


FIRST = (b"date,gender,WAGE_RUNS_OUT,CLEAN_WATER,respondent\n"
         b"2027-03-03,woman,yes,no,P-1\n"
         b"2027-03-04,man,no,yes,P-2\n"
         b"2027-03-08,,dk,,P-3\n")
# The same three respondents again, from another export: other separator, a
# column dropped, the rows in another order.
AGAIN = (b"respondent;date;WAGE_RUNS_OUT;CLEAN_WATER\n"
         b"P-3;2027-03-08;dk;\n"
         b"P-1;2027-03-03;yes;no\n")


def _count(model=Response) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_an_upload_shows_a_preview_and_stores_nothing_until_confirmed(setup):
    client, cycle = setup
    response = f.upload_results(client, cycle, FIRST)
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "3 respondents will be added" in page
    assert "2 questions of the questionnaire are in the file" in page
    assert "1 question is missing from the file" in page and "SAFE_EXITS" in page
    assert "Answered from Mar 3, 2027 to Mar 8, 2027" in page
    assert _count() == 0 and _count(ImportBatch) == 0
    confirmed = client.post(response.headers["Location"] + "/confirm")
    assert confirmed.status_code == 303
    assert _count() == 3 and _count(ImportBatch) == 1
    assert _count(PendingImport) == 0  # the file itself is not kept
    assert client.post(response.headers["Location"] + "/confirm").status_code == 404


def test_a_cancelled_upload_is_deleted(setup):
    client, cycle = setup
    preview = f.upload_results(client, cycle, FIRST).headers["Location"]
    assert client.post(preview + "/cancel").status_code == 303
    assert _count(PendingImport) == 0 and _count() == 0
    assert "has expired" in client.get(preview, follow_redirects=True).get_data(as_text=True)


def test_the_same_respondents_from_another_file_are_refused_until_removed(setup):
    client, cycle = setup
    f.import_results(client, cycle, FIRST)
    refused = f.import_results(client, cycle, AGAIN, name="export-2.csv")
    text = refused.get_data(as_text=True)
    assert "Nothing was imported" in text
    assert "Respondent 'P-3' was imported into this cycle before" in text
    assert _count() == 3
    # Only keyed hashes are kept, never the provider's key.
    digests = list(db.session.scalars(sa.select(RespondentKey.digest)))
    assert len(digests) == 3 and not any("P-" in d for d in digests)
    # The first import was a mistake: once removed, the other file goes in.
    [batch] = db.session.scalars(sa.select(ImportBatch))
    client.post(f"/imports/{batch.id}/remove")
    assert f.import_results(client, cycle, AGAIN, name="export-2.csv").status_code == 303
    assert _count() == 2 and _count(RespondentKey) == 2


def test_releasing_the_results_deletes_the_keyed_hashes(setup, app):
    client, cycle = setup
    f.import_results(client, cycle, FIRST)
    app.config["FIXED_TODAY"] = "2027-03-20"
    client.post(f"/cycles/{cycle.id}/release")
    assert cycle.is_released and _count(RespondentKey) == 0


@pytest.mark.parametrize(("data", "message"), [
    (b"date,WAGE_RUNS_OUT\n", "The file has a header but no respondents."),
    (b"date,WAGE_RUNS_OUT\n2027-03-12,yes\n", "2027-03-12 lies in the future"),
    (b"date,WAGE_RUNS_OUT\n2027-02-27,yes\n", "is outside the cycle's window"),
])
def test_empty_files_and_rows_outside_the_window_are_refused(setup, data, message):
    client, cycle = setup
    refused = f.import_results(client, cycle, data)
    assert message in refused.get_data(as_text=True)
    assert _count() == 0 and _count(ImportBatch) == 0 and _count(PendingImport) == 0


def test_a_cycle_that_has_not_opened_takes_no_import(setup):
    client, cycle = setup
    later = f.cycle(cycle.company, cycle.site, cycle.version, starts_on=date(2027, 9, 1),
                    ends_on=date(2027, 9, 14))
    db.session.commit()
    page = client.get(f"/cycles/{later.id}").get_data(as_text=True)
    assert "You can import the provider's file from then on" in page
    refused = f.import_results(client, later, b"date,WAGE_RUNS_OUT\n2027-09-01,yes\n")
    assert refused.status_code == 409
    assert "This survey opens on Sep 1, 2027" in refused.get_data(as_text=True)
    assert _count() == 0


def test_a_second_cycle_may_not_overlap_the_first_at_a_site(setup):
    client, cycle = setup
    response = client.post(f"/sites/{cycle.site_id}/cycles/new", data={
        "version": str(cycle.version_id), "starts_on": "2027-03-12", "ends_on": "2027-03-26",
        "headcount": "200", "channels": ["phone"], "languages": ["en"]})
    text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "overlaps the cycle from Mar 1, 2027 to Mar 14, 2027" in text
    assert "asked twice at the same time" in text
    after = client.post(f"/sites/{cycle.site_id}/cycles/new", data={
        "version": str(cycle.version_id), "starts_on": "2027-03-15", "ends_on": "2027-03-29",
        "headcount": "200", "channels": ["phone"], "languages": ["en"]})
    assert after.status_code == 303


def test_the_template_uses_the_cycles_window_and_lists_allowed_values(setup):
    client, cycle = setup
    response = client.get(f"/cycles/{cycle.id}/template.xlsx")
    book = load_workbook(io.BytesIO(response.data))
    results, columns = book.worksheets
    header, example = [[c.value for c in row] for row in results.iter_rows()]
    row = dict(zip(header, example, strict=True))
    assert (row["date"], row["channel"], row["language"]) == (
        "2027-03-01", "whatsapp", "zh_Hans")
    legend = {r[0].value: r for r in columns.iter_rows(min_row=2)}
    assert "2027-03-01 to 2027-03-14" in legend["date"][1].value
    assert legend["gender"][2].value == "woman, man, other"
    assert legend["WAGE_RUNS_OUT"][2].value == "yes, no, dk"
    assert "never stored" in legend["respondent"][1].value
    # What the template says can be imported as it is.
    assert f.import_results(client, cycle, response.data, "template.xlsx").status_code == 303


def test_only_the_newest_upload_waits_for_its_confirmation(setup):
    client, cycle = setup
    first = f.upload_results(client, cycle, FIRST).headers["Location"]
    for _ in range(5):  # a script that keeps uploading keeps one file waiting
        newest = f.upload_results(client, cycle, FIRST).headers["Location"]
    assert _count(PendingImport) == 1
    assert client.post(first + "/confirm").status_code == 404
    assert client.post(newest + "/confirm").status_code == 303 and _count() == 3
