"""The questionnaire as an XLSForm, for a provider's or a union's own survey tool:
it converts with pyxform (the reference converter) in every language, asks what
the importer reads back under the importer's names, and asks nothing that could
tell who answered or when."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from wsdialog.extensions import db
from wsdialog.questionnaires import operations
from wsdialog.questionnaires.answers import parse
from wsdialog.questionnaires.starter import ABOUT_LAST_SURVEY, STARTER, SURVEY_LANGUAGES
from wsdialog.surveys import xlsform
from wsdialog.surveys.importer import parse_table
from wsdialog.surveys.public_texts import TEXTS
from wsdialog.surveys.respondents import ALLOWED, DEMOGRAPHICS

from .. import factories as f


def _sheets(data: bytes) -> dict[str, list[dict]]:
    """Each sheet of the workbook as rows keyed by its header."""
    book = load_workbook(io.BytesIO(data))
    sheets = {}
    for sheet in book.worksheets:
        header, *rows = list(sheet.iter_rows(values_only=True))
        sheets[sheet.title] = [dict(zip(header, row, strict=True)) for row in rows]
    return sheets


def _converted(data: bytes, validate: bool = False):
    """pyxform's XForm of the workbook; pyxform's warnings fail the test."""
    warnings: list[str] = []
    result = convert(data, warnings=warnings, file_type=".xlsx", validate=validate)
    assert warnings == []
    return result.xform


@pytest.fixture
def starter(app):
    """The starter questionnaire, published in every survey language (each read
    and marked reviewed)."""
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva")
    db.session.commit()
    version = operations.create_questionnaire(company.id, "Core 2027", False,
                                              from_starter=True).latest
    for lang in SURVEY_LANGUAGES:
        version.mark_reviewed(lang, eva)
    db.session.flush()
    version.publish()
    db.session.commit()
    return version


def test_the_starter_converts_with_pyxform_and_odk_validate_in_every_language(starter):
    assert starter.languages == sorted(SURVEY_LANGUAGES)
    data = xlsform.workbook(starter)
    # ODK Validate (JavaRosa, shipped with pyxform) loads the form as ODK Collect does.
    form = _converted(data, validate=True)
    for lang in SURVEY_LANGUAGES:
        assert f'<translation lang="{xlsform.language_column(lang)}"' in form
    assert 'lang="English (en)" default="true()"' in form
    for code, *_rest, texts in STARTER:
        assert all(text in form for text in texts.values()), code
    survey = _sheets(data)["survey"]
    vi = xlsform.language_column("vi")
    assert survey[1][f"label::{vi}"] == starter.questions[0].text("vi")
    assert survey[1][f"hint::{vi}"].startswith(TEXTS["intro"]["vi"])


def test_it_asks_the_importers_columns_with_the_values_it_accepts(starter):
    sheets = _sheets(xlsform.workbook(starter))
    names = [row["name"] for row in sheets["survey"]]
    assert names == ["date", *starter.codes, *DEMOGRAPHICS]
    types = {row["name"]: row["type"] for row in sheets["survey"]}
    assert types["date"] == "today"
    assert all(types[code] == "select_one answer" for code in starter.codes)
    assert all(types[name] == f"select_one {name}" for name in DEMOGRAPHICS)
    by_list: dict[str, list[str]] = {}
    for row in sheets["choices"]:
        by_list.setdefault(row["list_name"], []).append(row["name"])
    assert by_list.pop("answer") == ["yes", "no", "dk"]
    assert all(parse(value) is not None for value in ["yes", "no", "dk"])
    assert by_list == {name: list(ALLOWED[name]) for name in DEMOGRAPHICS}
    # A row as the tool exports it, every value a choice's name, imports as it is.
    values = {"date": "2027-03-02", **dict.fromkeys(starter.codes, "dk"),
              **{name: ALLOWED[name][-1] for name in DEMOGRAPHICS}}
    parsed = parse_table([names, [values[n] for n in names]], starter.codes)
    assert parsed.ok and parsed.respondents[0].demographics["role"] == "other"


def test_it_asks_nothing_that_names_or_times_a_worker(starter):
    """No free text, no name, no device or time of day: the day and choices only."""
    sheets = _sheets(xlsform.workbook(starter))
    types = [row["type"] for row in sheets["survey"]]
    assert types[0] == "today"
    assert all(t.startswith("select_one ") for t in types[1:])
    [settings] = sheets["settings"]
    assert settings["default_language"] == "English (en)"
    assert settings["form_id"] == f"wsdialog_q{starter.questionnaire_id}_v1"
    assert set(settings) == {"form_title", "form_id", "version", "default_language"}


def test_a_language_without_words_of_its_own_reads_english(app):
    version = f.published(f.company("Noordwind"), "Survey", locales=("en", "vi"))
    version.questions[0].texts = [t for t in version.questions[0].texts if t.locale == "en"]
    survey = _sheets(xlsform.workbook(version, languages=["vi", "en"]))["survey"]
    vi = xlsform.language_column("vi")
    assert survey[1][f"label::{vi}"] == "Question WAGE_RUNS_OUT?"
    assert survey[2][f"label::{vi}"] == "Question CLEAN_WATER? (vi)"
    # Languages in the version's order of offering; the default is English.
    assert _sheets(xlsform.workbook(version, languages=["vi"]))["settings"][0][
        "default_language"] == "Tiếng Việt (vi)"


def test_a_code_that_cannot_name_a_field_has_no_xlsform(app):
    version = f.published(f.company("Noordwind"), "Survey", codes=("WAGE_RUNS_OUT", "2ND TRY"))
    assert xlsform.unfit_codes(version.codes) == ["2ND TRY"]
    with pytest.raises(ValueError):
        xlsform.workbook(version)


# --- the downloads ------------------------------------------------------------------


@pytest.fixture
def brand(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    site = f.site(f.supplier(company, name="Pearl River"), name="Dongguan")
    version = f.published(company, "Survey", ("WAGE_RUNS_OUT", "RESULTS_SHARED"),
                          locales=("en", "vi", "zh_Hans"))
    cycle = f.cycle(company, site, version, starts_on=date(2027, 3, 1),
                    ends_on=date(2027, 3, 14), languages=["vi", "en"])
    db.session.commit()
    return as_user(eva), cycle


def test_the_cycle_page_offers_the_cycles_xlsform(brand):
    client, cycle = brand
    page = client.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert f'href="/cycles/{cycle.id}/xlsform.xlsx"' in page
    response = client.get(f"/cycles/{cycle.id}/xlsform.xlsx")
    assert response.status_code == 200
    assert response.mimetype == xlsform.MIMETYPE
    assert "attachment" in response.headers["Content-Disposition"]
    form = _converted(response.data)
    sheets = _sheets(response.data)
    # The cycle's languages only; a site's first survey asks nothing about the last one.
    assert [c for c in sheets["survey"][0] if c.startswith("label::")] == [
        "label::Tiếng Việt (vi)", "label::English (en)"]
    assert "简体中文" not in form
    assert not ABOUT_LAST_SURVEY & {row["name"] for row in sheets["survey"]}
    [settings] = sheets["settings"]
    assert settings["form_id"] == f"wsdialog_cycle_{cycle.id}"
    assert settings["form_title"] == "Survey · Dongguan"


def test_the_cycles_provider_downloads_it_and_no_other_provider(brand, as_user):
    from wsdialog.models import Role

    _client, cycle = brand
    ours = f.provider(cycle.company, "FairVoice", agreed=(cycle.company,))
    other = f.provider(None, "Other Surveys", agreed=(cycle.company,))
    cycle.provider_id = ours.id
    ana = f.user(Role.provider, provider=ours, name="Ana")
    olu = f.user(Role.provider, provider=other, name="Olu")
    db.session.commit()
    url = f"/cycles/{cycle.id}/xlsform.xlsx"
    assert url in as_user(ana).get(f"/cycles/{cycle.id}").get_data(as_text=True)
    _converted(as_user(ana).get(url).data)
    assert as_user(olu).get(url).status_code == 404
    assert as_user(ana).get(f"/questionnaires/versions/{cycle.version_id}/xlsform.xlsx"
                            ).status_code == 404


def test_a_published_version_offers_its_xlsform_and_a_draft_none(brand):
    client, cycle = brand
    version = cycle.version
    url = f"/questionnaires/versions/{version.id}/xlsform.xlsx"
    assert url in client.get(f"/questionnaires/versions/{version.id}").get_data(as_text=True)
    response = client.get(url)
    assert response.status_code == 200
    assert "简体中文 (zh)" in _converted(response.data)
    draft = version.questionnaire.start_next_version()
    db.session.commit()
    assert "xlsform" not in client.get(f"/questionnaires/versions/{draft.id}").get_data(
        as_text=True)
    assert client.get(f"/questionnaires/versions/{draft.id}/xlsform.xlsx").status_code == 404


def test_codes_without_an_xlsform_are_said_and_nothing_breaks(app, as_user):
    company = f.company("Noordwind")
    eva = f.user(company=company, name="Eva", admin=True)
    version = f.published(company, "Survey", ("WAGE RUNS OUT",))
    db.session.commit()
    response = as_user(eva).get(f"/questionnaires/versions/{version.id}/xlsform.xlsx",
                                follow_redirects=True)
    assert response.status_code == 200
    assert "WAGE RUNS OUT cannot name a field of an XLSForm" in response.get_data(as_text=True)
