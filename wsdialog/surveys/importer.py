"""Reading a provider's results file: CSV or XLSX, one row per respondent.

No Flask here. ``parse_table`` checks everything and either returns all
respondents or all problems, each with its row and column: an import is all or
nothing. Problems are codes with parameters; the page translates them.

Columns: ``date`` (YYYY-MM-DD); optional ``channel``, ``language``, ``gender``,
``age_band``, ``contract``, ``role``; one column per question code with yes /
no / dk (also y, n, don't know, ?) or empty. An optional ``respondent`` column
only serves to reject duplicate respondents, in the file and (as a keyed hash,
``key_digest``) across the files of a cycle; it is never kept itself.

A survey tool's CSV export of the questionnaire's XLSForm (``questionnaires.xlsform``)
has these columns too, plus the tool's own (``TOOL_COLUMNS``): they are left out,
and the submission's id serves as the respondent key.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..questionnaires.answers import Answer, parse
from ..questionnaires.starter import SURVEY_LANGUAGES
from ..text import N_
from .respondents import ALLOWED, DEMOGRAPHICS, Respondent

META = ("date", "channel", "language", "respondent")

#: What KoboToolbox (and Ona, of the same lineage) adds to a CSV export of a form:
#: the submission's own columns, by their exact names (header case aside). They
#: are left out and never stored: ``_submission_time`` is the moment a form
#: arrived, and the day comes from the form's own ``date``. The submission's id
#: only serves as the respondent key (``SUBMISSION_KEYS``).
TOOL_COLUMNS = frozenset({
    "_id", "_uuid", "_submission_time", "_index", "__version__", "_validation_status",
    "_status", "_submitted_by", "_tags", "_notes",
    "meta/instanceid", "meta/rootuuid", "meta/deprecatedid"})
#: The columns that name a submission, in the order they are taken as the
#: respondent key when the file has no ``respondent`` column: ``meta/rootUuid``
#: stays the same when a submission is edited (``_uuid`` and ``meta/instanceID``
#: change). Written with or without the tool's ``uuid:`` prefix, the same id is
#: the same key.
SUBMISSION_KEYS = ("meta/rootuuid", "_uuid", "meta/instanceid")

#: Language codes in any case (ZH_HANS, zh_hans) to the app's spelling.
_LANGUAGE_CODES = {code.lower(): code for code in SURVEY_LANGUAGES}

MAX_ROWS = 50_000
#: An XLSX file is a zip archive. Before openpyxl opens one, it is refused when it
#: would unpack to more than this, or when a part of it is packed more tightly than
#: MAX_RATIO (real sheets pack 5 to 30 times; a "zip bomb" thousands of times).
MAX_UNPACKED = 100 * 2**20
MAX_RATIO = 100
#: openpyxl reads some 80,000 cells a second (1,000,000 took 12 s, measured): more
#: would hold a worker longer than a request may take (30 s). Reading stops here,
#: and after MAX_ROWS + 1 rows.
MAX_CELLS = 1_000_000
#: How often (in rows) reading and checking say how far they are, for the progress
#: line of a long import.
PROGRESS_EVERY = 1_000

#: Told the number of rows read (or checked) so far, every PROGRESS_EVERY rows.
OnProgress = Callable[[int], None] | None

#: The problems a page lists (the rest are counted).
SHOWN_PROBLEMS = 200

MESSAGES = {
    "empty_file": N_("The file is empty."),
    "no_rows": N_("The file has a header but no respondents."),
    "not_a_table": N_("The file cannot be read as CSV or XLSX."),
    "no_date_column": N_("The file has no 'date' column."),
    "duplicate_column": N_("The column '%(column)s' appears twice."),
    "unknown_column": N_("'%(column)s' is not a question code of this questionnaire, nor a "
                         "column we know."),
    "no_questions": N_("The file has no column for any question of this questionnaire."),
    "too_many_rows": N_("The file has more than %(max)s rows."),
    "too_large": N_("This XLSX file holds too much to be read (more than %(max)s cells, or "
                    "too much data once unpacked). Please save it as CSV, or split it."),
    "bad_date": N_("'%(value)s' is not a date like 2027-03-31."),
    "date_outside": N_("%(value)s is outside the cycle's window (%(start)s to %(end)s)."),
    "date_future": N_("%(value)s lies in the future: nobody can have answered on that day."),
    "bad_answer": N_("'%(value)s' is not an answer: use yes, no or dk, or leave it empty."),
    "bad_value": N_("'%(value)s' is not allowed here; allowed are: %(allowed)s."),
    "duplicate_respondent": N_("Respondent '%(value)s' already appears in row %(first)s."),
    "imported_before": N_("Respondent '%(value)s' was imported into this cycle before, from "
                          "another file."),
    "no_answers": N_("This row answers no question."),
    "too_many_columns": N_("This row has more cells than the header."),
}


@dataclass(frozen=True)
class Problem:
    row: int | None  # 1 = the header row, as a spreadsheet numbers it
    column: str | None
    code: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


@dataclass
class Parsed:
    respondents: list[Respondent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    #: The column that holds the respondent key (``respondent``, or a tool's
    #: submission id), if any.
    key_column: str | None = None
    #: Problems found but not kept: a check kept for later shows the first ones.
    left_out: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def problems_as_data(self, limit: int = SHOWN_PROBLEMS) -> dict:
        """The first ``limit`` problems as plain data (JSON), codes and
        parameters: the page that shows them later translates them then."""
        return {"problems": [[p.row, p.column, p.code, p.params]
                             for p in self.problems[:limit]],
                "left_out": self.left_out + max(len(self.problems) - limit, 0)}

    @classmethod
    def from_problems_data(cls, data: dict) -> Parsed:
        return cls(problems=[Problem(row, column, code, params)
                             for row, column, code, params in data["problems"]],
                   left_out=data["left_out"])

    def refuse_keys(self, known: set[str], digest) -> None:
        """Refuse respondents whose key (through ``digest``) is in ``known``."""
        for respondent in self.respondents:
            if respondent.key and digest(respondent.key) in known:
                self.problems.append(Problem(respondent.row, self.key_column, "imported_before",
                                             {"value": respondent.key[:40]}))
        if self.problems:
            self.respondents = []


@dataclass(frozen=True)
class Preview:
    """What an import will add, for the page that asks to confirm it."""

    respondents: int
    questions: list[str]
    missing: list[str]
    other_columns: list[str]
    first_day: date
    last_day: date
    #: A survey tool's own columns, left out (``TOOL_COLUMNS``).
    tool_columns: list[str] = field(default_factory=list)

    def as_data(self) -> dict:
        """As plain data (JSON), for the preview page of a check that ran apart."""
        return {"respondents": self.respondents, "questions": self.questions,
                "missing": self.missing, "other_columns": self.other_columns,
                "tool_columns": self.tool_columns,
                "first_day": self.first_day.isoformat(),
                "last_day": self.last_day.isoformat()}

    @classmethod
    def from_data(cls, data: dict) -> Preview:
        return cls(**{**data, "first_day": date.fromisoformat(data["first_day"]),
                      "last_day": date.fromisoformat(data["last_day"])})


def preview(parsed: Parsed, question_codes: Sequence[str]) -> Preview:
    codes = {code.lower(): code for code in question_codes}
    present = [codes[name] for name in parsed.columns if name in codes]
    days = [r.answered_on for r in parsed.respondents]
    return Preview(respondents=len(parsed.respondents), questions=present,
                   missing=[c for c in question_codes if c not in present],
                   other_columns=[n for n in parsed.columns
                                  if n not in codes and n not in TOOL_COLUMNS],
                   first_day=min(days), last_day=max(days),
                   tool_columns=[n for n in parsed.columns if n in TOOL_COLUMNS])


def key_digest(secret: bytes, cycle_id: int, key: str) -> str:
    """A provider's respondent key, hashed with the app's secret and the cycle:
    the same key gives the same digest within one cycle only, and without the
    secret no digest can be checked against a list of keys."""
    return hmac.new(secret, f"{cycle_id}:{key.strip()}".encode(), hashlib.sha256).hexdigest()


def fingerprint(data: bytes) -> str:
    """Identifies a file, to notice when the same file is imported again."""
    return hashlib.sha256(data).hexdigest()


class Unreadable(ValueError):
    """The file cannot be read as a table; ``problem`` says why."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.problem = Problem(None, None, code, params)


def read_table(data: bytes, filename: str, on_progress: OnProgress = None) -> list[list[str]]:
    """Rows of cells as text, up to one row more than MAX_ROWS (so that
    ``parse_table`` can say there are too many). Raises Unreadable.
    ``on_progress`` is told the rows read so far, every PROGRESS_EVERY rows."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _read_xlsx(data, on_progress)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise Unreadable("not_a_table") from None
    if "\x00" in text:
        raise Unreadable("not_a_table")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return _up_to_limit(csv.reader(io.StringIO(text), dialect), on_progress)
    except csv.Error:
        raise Unreadable("not_a_table") from None


def _up_to_limit(rows: Iterable[list[str]], on_progress: OnProgress = None
                 ) -> list[list[str]]:
    """The rows, stopping after the header and MAX_ROWS + 1 rows that are not
    empty, or when the rows (empty ones too) hold more than MAX_CELLS cells."""
    kept: list[list[str]] = []
    filled = cells = 0
    for row in rows:
        cells += max(len(row), 1)
        if cells > MAX_CELLS:
            raise Unreadable("too_large", max=MAX_CELLS)
        kept.append(row)
        if on_progress is not None and len(kept) % PROGRESS_EVERY == 0:
            on_progress(len(kept))
        if any(cell.strip() for cell in row):
            filled += 1
            if filled > MAX_ROWS + 1:
                break
    return kept


def _check_archive(data: bytes) -> None:
    """Refuse an XLSX archive that would unpack to too much, before it is opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable("not_a_table") from None
    if sum(m.file_size for m in members) > MAX_UNPACKED or any(
            m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members):
        raise Unreadable("too_large", max=MAX_CELLS)


def _read_xlsx(data: bytes, on_progress: OnProgress = None) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # The size a sheet claims is not trusted: a claimed width would pad every row.
        sheet.reset_dimensions()
        rows = _up_to_limit((
            ["" if v is None else
             v.date().isoformat() if hasattr(v, "date") and callable(v.date)
             else str(v) for v in values]
            for values in sheet.iter_rows(values_only=True)), on_progress)
        workbook.close()
        return rows
    except Unreadable:
        raise
    except Exception:  # noqa: BLE001 - any broken file is "not a table" to the user
        raise Unreadable("not_a_table") from None


def parse_table(rows: Sequence[Sequence[str]], question_codes: Iterable[str],
                window: tuple[date, date] | None = None, until: date | None = None,
                on_progress: OnProgress = None, not_asked: Iterable[str] = ()) -> Parsed:
    """Check every row against the questionnaire (and the cycle's window, and no
    day after ``until``, today); all problems or all respondents. Columns of
    questions ``not_asked`` in this cycle (a site's first has no last survey to ask
    about) are allowed and left out. ``on_progress`` is told the rows checked so
    far, every PROGRESS_EVERY rows."""
    result = Parsed()
    rows = [list(r) for r in rows if any((c or "").strip() for c in r)]
    if not rows:
        result.problems.append(Problem(None, None, "empty_file"))
        return result
    header = [(c or "").strip().lower() for c in rows[0]]
    codes = {c.lower(): c for c in question_codes}
    skipped = {c.lower() for c in not_asked}
    result.columns = header
    seen: set[str] = set()
    for name in header:
        if name in seen:
            result.problems.append(Problem(1, name, "duplicate_column", {"column": name}))
        seen.add(name)
        if name not in codes and name not in META and name not in DEMOGRAPHICS \
                and name not in skipped and name not in TOOL_COLUMNS:
            result.problems.append(Problem(1, name, "unknown_column", {"column": name}))
    if "date" not in header:
        result.problems.append(Problem(1, None, "no_date_column"))
    if not any(name in codes for name in header):
        result.problems.append(Problem(1, None, "no_questions"))
    if len(rows) == 1:
        result.problems.append(Problem(None, None, "no_rows"))
    if len(rows) - 1 > MAX_ROWS:
        result.problems.append(Problem(None, None, "too_many_rows", {"max": MAX_ROWS}))
    if result.problems:
        return result
    result.key_column = next((name for name in ("respondent", *SUBMISSION_KEYS)
                              if name in header), None)

    first_row_of: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if on_progress is not None and (number - 1) % PROGRESS_EVERY == 0:
            on_progress(number - 1)
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            result.problems.append(Problem(number, None, "too_many_columns"))
            continue
        cell = dict(zip(header, (c.strip() for c in cells), strict=False))
        respondent = _row(number, cell, codes, window, until, result.problems, first_row_of,
                          result.key_column)
        if respondent:
            result.respondents.append(respondent)
    if result.problems:
        result.respondents = []
    return result


def _row(number, cell, codes, window, until, problems, first_row_of,
         key_column) -> Respondent | None:
    start = len(problems)
    answered_on = None
    raw_date = cell.get("date", "")
    try:
        answered_on = date.fromisoformat(raw_date)
        if len(raw_date) != 10:
            raise ValueError
    except ValueError:
        problems.append(Problem(number, "date", "bad_date", {"value": raw_date[:40]}))
    if answered_on and window and not window[0] <= answered_on <= window[1]:
        problems.append(Problem(number, "date", "date_outside", {
            "value": raw_date, "start": window[0].isoformat(), "end": window[1].isoformat()}))
    elif answered_on and until and answered_on > until:
        problems.append(Problem(number, "date", "date_future", {"value": raw_date}))
    values: dict[str, str | None] = {}
    for name in (*DEMOGRAPHICS, "channel"):
        value = cell.get(name, "").lower() or None
        if value is not None and value not in ALLOWED[name]:
            problems.append(Problem(number, name, "bad_value", {
                "value": value[:40], "allowed": ", ".join(ALLOWED[name])}))
        values[name] = value
    raw_language = cell.get("language", "").strip()
    language = _LANGUAGE_CODES.get(raw_language.lower().replace("-", "_")) \
        if raw_language else None
    if raw_language and language is None:
        problems.append(Problem(number, "language", "bad_value", {
            "value": raw_language[:40], "allowed": ", ".join(ALLOWED["language"])}))
    respondent_key = cell.get(key_column, "") if key_column else ""
    if key_column in SUBMISSION_KEYS:
        respondent_key = respondent_key.removeprefix("uuid:")
    if respondent_key:
        if respondent_key in first_row_of:
            problems.append(Problem(number, key_column, "duplicate_respondent", {
                "value": respondent_key[:40], "first": first_row_of[respondent_key]}))
        else:
            first_row_of[respondent_key] = number
    answers: dict[str, Answer] = {}
    for name, code in codes.items():
        if name not in cell:
            continue
        try:
            answer = parse(cell[name])
        except ValueError:
            problems.append(Problem(number, code, "bad_answer", {"value": cell[name][:40]}))
            continue
        if answer is not None:
            answers[code] = answer
    if not answers and len(problems) == start:
        problems.append(Problem(number, None, "no_answers"))
    if len(problems) > start:
        return None
    return Respondent(answered_on=answered_on, channel=values["channel"], language=language,
                      demographics={k: values[k] for k in DEMOGRAPHICS}, answers=answers,
                      row=number, key=respondent_key)


def template_rows(question_codes: Sequence[str], day: date, channel: str | None,
                  language: str | None) -> list[list[str]]:
    """The header and one example row (on the cycle's first day, in one of its
    channels and languages), for the downloadable template."""
    header = ["date", "channel", "language", *DEMOGRAPHICS, *question_codes, "respondent"]
    example = [day.isoformat(), channel or "", language or "", "woman", "25_34", "permanent",
               "production",
               *(["yes", "no", "dk"] * len(question_codes))[:len(question_codes)], "r-001"]
    return [header, example]


#: What goes in each column, for the template's legend.
LEGEND = {
    "date": N_("Required. The day the worker answered, as YYYY-MM-DD, from %(start)s to "
               "%(end)s."),
    "channel": N_("How the worker answered."),
    "language": N_("The language the worker answered in."),
    "gender": N_("Optional."),
    "age_band": N_("Optional. Age in bands only, never an exact age."),
    "contract": N_("Optional."),
    "role": N_("Optional."),
    "question": N_("The answer to this question; empty when not answered."),
    "respondent": N_("Optional. The provider's own number for the respondent, to refuse the "
                     "same respondent in a second file. It is never stored."),
}
ANSWERS = ("yes", "no", "dk")


def legend_rows(question_codes: Sequence[str]) -> list[tuple[str, str, str]]:
    """(column, key of its ``LEGEND`` text, allowed values) for every column."""
    rows = [("date", "date", "")]
    rows += [(name, name, ", ".join(ALLOWED[name]))
             for name in ("channel", "language", *DEMOGRAPHICS)]
    rows += [(code, "question", ", ".join(ANSWERS)) for code in question_codes]
    rows.append(("respondent", "respondent", ""))
    return rows
