"""Reading providers' files, without Flask: every problem by row and column,
all or nothing, and no input can make it fail."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from wsdialog.questionnaires.answers import Answer
from wsdialog.surveys.importer import fingerprint, parse_table, read_table, template_rows

CODES = ["WAGE_RUNS_OUT", "EXHAUSTED", "CLEAN_WATER"]
WINDOW = (date(2027, 3, 1), date(2027, 3, 14))

GOOD = (
    "date,channel,language,gender,age_band,contract,role,WAGE_RUNS_OUT,EXHAUSTED,"
    "CLEAN_WATER,respondent\n"
    "2027-03-02,phone,vi,woman,25_34,permanent,production,yes,No,dk,a1\n"
    "2027-03-03,web,vi,man,18_24,agency,production,Y,n,,a2\n"
    "2027-03-04,,,,,,,don't know,?,YES,\n"
)


def _parse(text, window=WINDOW):
    return parse_table(read_table(text.encode(), "results.csv"), CODES, window)


def test_a_good_file_gives_every_respondent_and_no_respondent_keys():
    result = _parse(GOOD)
    assert result.ok and len(result.respondents) == 3
    first = result.respondents[0]
    assert first.answered_on == date(2027, 3, 2) and first.channel == "phone"
    assert first.answers == {"WAGE_RUNS_OUT": Answer.yes, "EXHAUSTED": Answer.no,
                             "CLEAN_WATER": Answer.dont_know}
    assert result.respondents[1].answers == {"WAGE_RUNS_OUT": Answer.yes,
                                             "EXHAUSTED": Answer.no}  # empty = unanswered
    assert not hasattr(first, "respondent")
    assert first.demographics == {"gender": "woman", "age_band": "25_34",
                                  "contract": "permanent", "role": "production"}


def test_every_problem_is_reported_by_row_and_column_and_nothing_is_kept():
    text = GOOD + (
        "2027-13-01,fax,vi,woman,29,permanent,production,maybe,no,yes,a1\n"
        "2027-04-01,,,,,,,yes,,,\n"
    )
    result = _parse(text)
    assert not result.ok and result.respondents == []
    found = {(p.row, p.column, p.code) for p in result.problems}
    assert (5, "date", "bad_date") in found
    assert (5, "channel", "bad_value") in found
    assert (5, "age_band", "bad_value") in found  # an exact age could identify someone
    assert (5, "WAGE_RUNS_OUT", "bad_answer") in found
    assert (5, "respondent", "duplicate_respondent") in found
    assert (6, "date", "date_outside") in found


def test_header_problems_stop_before_the_rows():
    result = _parse("date,SALARY,EXHAUSTED,EXHAUSTED\n2027-03-02,yes,no,no\n")
    codes = {(p.column, p.code) for p in result.problems}
    assert ("salary", "unknown_column") in codes and ("exhausted", "duplicate_column") in codes
    assert {p.code for p in _parse("WAGE_RUNS_OUT\nyes\n").problems} == {"no_date_column"}
    assert {p.code for p in _parse("date,role\n2027-03-02,other\n").problems} == {
        "no_questions"}
    assert {p.code for p in _parse("").problems} == {"empty_file"}


def test_semicolons_excel_bom_and_xlsx_are_read():
    semicolons = GOOD.replace(",", ";").replace("don't know", "dk")
    assert _parse("\ufeff" + semicolons).ok
    book = Workbook()
    sheet = book.active
    sheet.append(["date", "WAGE_RUNS_OUT", "EXHAUSTED"])
    sheet.append([date(2027, 3, 5), "yes", "no"])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = read_table(buffer.getvalue(), "results.xlsx")
    result = parse_table(rows, CODES, WINDOW)
    assert result.ok and result.respondents[0].answered_on == date(2027, 3, 5)


@pytest.mark.parametrize(("channel", "language"), [("whatsapp", "zh_Hans"), (None, None)])
def test_the_template_is_itself_importable_in_the_cycles_window(channel, language):
    rows = template_rows(CODES, date(2027, 5, 3), channel, language)
    parsed = parse_table(rows, CODES, (date(2027, 5, 3), date(2027, 5, 3)))
    assert parsed.ok
    [respondent] = parsed.respondents
    assert (respondent.channel, respondent.language) == (channel, language)


def test_a_header_without_rows_is_refused():
    parsed = parse_table([["date", *CODES]], CODES, WINDOW)
    assert [p.code for p in parsed.problems] == ["no_rows"]


def test_the_same_file_has_the_same_fingerprint():
    assert fingerprint(GOOD.encode()) == fingerprint(GOOD.encode())
    assert fingerprint(GOOD.encode()) != fingerprint((GOOD + "\n").encode())


CELL = st.one_of(st.sampled_from(["yes", "no", "dk", "Y", "?", "", "maybe", "2027-03-02",
                                  "woman", "phone", "x" * 50]), st.text(max_size=12))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, max_size=12), max_size=15))
def test_random_rows_never_break_the_parser_and_never_half_import(rows):
    header = [["date", "gender", *CODES, "respondent"]]
    for table in (rows, header + rows):
        result = parse_table(table, CODES, WINDOW)
        assert result.ok == (not result.problems)
        assert not (result.problems and result.respondents)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_random_bytes_are_either_a_table_or_refused_cleanly(data, name):
    try:
        rows = read_table(data, name)
    except ValueError as error:
        assert str(error) == "not_a_table"
        return
    result = parse_table(rows, CODES, WINDOW)
    assert not (result.problems and result.respondents)


@pytest.mark.parametrize(("language", "stored"), [
    ("vi", "vi"), ("VI", "vi"), ("zh-hans", "zh_Hans"), ("", None)])
def test_the_language_column_takes_the_apps_language_codes(language, stored):
    result = _parse(f"date,language,WAGE_RUNS_OUT\n2027-03-02,{language},yes\n")
    assert result.ok and result.respondents[0].language == stored


@pytest.mark.parametrize("language", ["EMP-4711 NGUYEN", "klingon", "vi; DROP"])
def test_anything_else_in_the_language_column_is_refused(language):
    result = _parse(f"date,language,WAGE_RUNS_OUT\n2027-03-02,{language},yes\n")
    assert not result.ok and result.respondents == []
    assert {(p.row, p.column, p.code) for p in result.problems} == {
        (2, "language", "bad_value")}


# --- limits that hold: no file can hold a worker for long -------------------------

def _xlsx(rows) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_reading_stops_one_row_past_the_limit(monkeypatch):
    from wsdialog.surveys import importer

    monkeypatch.setattr(importer, "MAX_ROWS", 20)
    rows = [["date", "WAGE_RUNS_OUT"]] + [["2027-03-02", "yes"]] * 500
    for data, name in ((_xlsx(rows), "r.xlsx"),
                       ("\n".join(",".join(r) for r in rows).encode(), "r.csv")):
        table = read_table(data, name)
        assert len(table) == 1 + 21  # the header and one row too many
        assert {p.code for p in parse_table(table, CODES, WINDOW).problems} == {
            "too_many_rows"}


def test_the_real_row_limit_is_reported_quickly_for_a_long_csv():
    from wsdialog.surveys.importer import MAX_ROWS

    data = ("date,WAGE_RUNS_OUT\n" + "2027-03-02,yes\n" * 200_000).encode()
    table = read_table(data, "r.csv")
    assert len(table) == MAX_ROWS + 2
    assert [p.code for p in parse_table(table, CODES, WINDOW).problems] == ["too_many_rows"]


def test_a_zip_bomb_is_refused_before_it_is_opened():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)  # packs ~1000:1
    with pytest.raises(ValueError, match="too_large"):
        read_table(buffer.getvalue(), "bomb.xlsx")


def test_an_xlsx_that_unpacks_to_too_much_is_refused(monkeypatch):
    from wsdialog.surveys import importer

    data = _xlsx([["date", "WAGE_RUNS_OUT"]] + [["2027-03-02", "yes"]] * 100)
    assert read_table(data, "r.xlsx")
    monkeypatch.setattr(importer, "MAX_UNPACKED", 2_000)
    with pytest.raises(importer.Unreadable) as refused:
        read_table(data, "r.xlsx")
    assert refused.value.problem.code == "too_large"


def test_a_sheet_with_too_many_cells_is_refused(monkeypatch):
    from wsdialog.surveys import importer

    monkeypatch.setattr(importer, "MAX_CELLS", 1_000)
    # One cell far to the right pads its row to 16,384 cells.
    data = _xlsx([["date", "WAGE_RUNS_OUT"], ["2027-03-02", "yes", *[None] * 16_000, "x"]])
    with pytest.raises(importer.Unreadable) as refused:
        read_table(data, "wide.xlsx")
    assert refused.value.problem.code == "too_large"
