"""Reading a file of grievance figures: CSV or XLSX, one row per period and
channel of one site. No Flask.

Like the survey import (whose reading of CSV and XLSX files it uses), it is all
or nothing: ``parse_rows`` returns every row's figures, or every problem with its
row and column. Problems are codes with parameters; the page translates them.

Columns: ``period`` (2027-03 for a month, 2027-Q1 for a quarter), ``channel``,
``received``; optional ``resolved``, ``open``, ``days_to_response``,
``days_to_resolution``, ``anonymous``, ``women``, and one column per theme code
(``rules.THEMES``). Names in any case; empty cells are 0 for counts and unknown
for the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..surveys import importer as survey_importer
from ..surveys.importer import Unreadable, read_table
from ..text import N_
from . import rules
from .rules import Channel, Figures, Period

__all__ = ["Unreadable", "read_table", "parse_rows", "template_rows", "LEGEND"]

COUNTS = ("received", "resolved", "open")
OPTIONAL_COUNTS = ("anonymous", "women")
DAYS = ("days_to_response", "days_to_resolution")
COLUMNS = ("period", "channel", *COUNTS, *DAYS, *OPTIONAL_COUNTS, *rules.THEMES)
REQUIRED = ("period", "channel", "received")
MAX_ROWS = 5_000
#: No channel receives more in a period; a larger number is a mistake (and would
#: not fit the database).
MAX_COUNT = 1_000_000

MESSAGES = {
    "missing_column": N_("The file has no '%(column)s' column."),
    "unknown_grievance_column": N_("'%(column)s' is not a column we know: use period, channel, "
                                   "received, resolved, open, the days, anonymous, women and "
                                   "theme codes."),
    "no_figures": N_("The file has a header but no figures."),
    "too_many_figure_rows": N_("The file has more than %(max)s rows."),
    "bad_period": N_("'%(value)s' is not a period: write 2027-03 for a month or 2027-Q1 for a "
                     "quarter."),
    "bad_channel": N_("'%(value)s' is not a channel; allowed are: %(allowed)s."),
    "bad_count": N_("'%(value)s' is not a whole number of 0 or more."),
    "bad_days": N_("'%(value)s' is not a number of days."),
    "required": N_("This cell is required."),
    "duplicate_period": N_("This period and channel already appear in row %(first)s."),
    "overlapping_period": N_("%(value)s overlaps %(other)s of the same channel (in this file or "
                             "already entered): its complaints would be counted twice."),
    **{code: message for code, message in rules.PROBLEMS.items()},
}


@dataclass(frozen=True)
class Problem(survey_importer.Problem):
    """A problem of a grievance file: its own messages, and the survey import's
    for reading the file (empty, not a table, too large)."""

    @property
    def message(self) -> str:
        return MESSAGES.get(self.code) or survey_importer.MESSAGES[self.code]


@dataclass(frozen=True)
class Row:
    number: int
    period: Period
    channel: Channel
    figures: Figures


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    left_out: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def unreadable(error: Unreadable) -> Parsed:
    p = error.problem
    return Parsed(problems=[Problem(p.row, p.column, p.code, p.params)])


def _count(value: str, column: str, number: int, problems: list, optional: bool = False
           ) -> int | None:
    if not value:
        return None if optional else 0
    try:
        n = int(float(value)) if float(value).is_integer() else None
    except ValueError:
        n = None
    if n is None or not 0 <= n <= MAX_COUNT:
        problems.append(Problem(number, column, "bad_count", {"value": value[:40]}))
    return n


def _days(value: str, column: str, number: int, problems: list) -> float | None:
    if not value:
        return None
    try:
        days = float(value.replace(",", "."))
        if days < 0 or days != days or days > 10_000:
            raise ValueError
    except ValueError:
        problems.append(Problem(number, column, "bad_days", {"value": value[:40]}))
        return None
    return days


def parse_rows(rows: Sequence[Sequence[str]], existing: Sequence[tuple[Period, Channel]] = ()
               ) -> Parsed:
    """Check every row; all figures or all problems. ``existing`` are the periods
    and channels already entered for the site and company: a row for the same
    period and channel replaces its figures, one overlapping another (a month
    within a quarter) is refused."""
    result = Parsed()
    rows = [list(r) for r in rows if any((c or "").strip() for c in r)]
    if not rows:
        result.problems.append(Problem(None, None, "empty_file"))
        return result
    header = [(c or "").strip().lower() for c in rows[0]]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            result.problems.append(Problem(1, name, "duplicate_column", {"column": name}))
        seen.add(name)
        if name not in COLUMNS:
            result.problems.append(Problem(1, name, "unknown_grievance_column",
                                           {"column": name[:40]}))
    for name in REQUIRED:
        if name not in header:
            result.problems.append(Problem(1, None, "missing_column", {"column": name}))
    if len(rows) == 1:
        result.problems.append(Problem(None, None, "no_figures"))
    if len(rows) - 1 > MAX_ROWS:
        result.problems.append(Problem(None, None, "too_many_figure_rows", {"max": MAX_ROWS}))
    if result.problems:
        return result
    first_row: dict[tuple, int] = {}
    periods: dict[Channel, list[tuple[Period, int | None]]] = {}
    for period, channel in existing:
        periods.setdefault(channel, []).append((period, None))
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) > len(header) and any((c or "").strip() for c in cells[len(header):]):
            result.problems.append(Problem(number, None, "too_many_columns"))
            continue
        cell = dict(zip(header, ((c or "").strip() for c in cells), strict=False))
        row = _row(number, cell, result.problems)
        if row is None:
            continue
        key = (row.period.start, row.period.kind, row.channel)
        if key in first_row:
            result.problems.append(Problem(number, "period", "duplicate_period",
                                           {"first": first_row[key]}))
            continue
        first_row[key] = number
        known = periods.setdefault(row.channel, [])
        other = rules.overlapping(row.period, [p for p, _n in known])
        if other is not None:
            result.problems.append(Problem(number, "period", "overlapping_period",
                                           {"value": row.period.code, "other": other.code}))
            continue
        known.append((row.period, number))
        result.rows.append(row)
    if result.problems:
        result.rows = []
    return result


def _row(number: int, cell: dict[str, str], problems: list) -> Row | None:
    start = len(problems)
    period = channel = None
    raw = cell.get("period", "")
    if not raw:
        problems.append(Problem(number, "period", "required"))
    else:
        try:
            period = rules.parse_period(raw)
        except ValueError:
            problems.append(Problem(number, "period", "bad_period", {"value": raw[:40]}))
    raw = cell.get("channel", "").lower()
    try:
        channel = Channel(raw)
    except ValueError:
        if raw:
            problems.append(Problem(number, "channel", "bad_channel", {
                "value": raw[:40], "allowed": ", ".join(c.value for c in Channel)}))
        else:
            problems.append(Problem(number, "channel", "required"))
    if not cell.get("received", ""):
        problems.append(Problem(number, "received", "required"))
    counts = {name: _count(cell.get(name, ""), name, number, problems) for name in COUNTS}
    parts = {name: _count(cell.get(name, ""), name, number, problems, optional=True)
             for name in OPTIONAL_COUNTS}
    days = {name: _days(cell.get(name, ""), name, number, problems) for name in DAYS}
    themes = {code: _count(cell.get(code, ""), code, number, problems) for code in rules.THEMES
              if cell.get(code, "")}
    if len(problems) > start:
        return None
    figures = Figures(received=counts["received"], resolved=counts["resolved"],
                      still_open=counts["open"], by_theme=themes, **days, **parts)
    columns = {"still_open": "open", "by_theme": None}
    for name, code in rules.problems(figures):
        column = columns.get(name, name)
        if column and column.startswith("theme:"):
            column = column.removeprefix("theme:")
        problems.append(Problem(number, column, code))
    if len(problems) > start:
        return None
    return Row(number, period, channel, figures)


def template_rows(year: int) -> list[list[str]]:
    """The header and two example rows, for the downloadable template."""
    header = list(COLUMNS)
    themes = {"wages": "3", "hours": "2", "safety": "1", "other": "1"}
    example = [f"{year}-01", "helpline", "9", "6", "3", "2", "9", "4", "5",
               *(themes.get(code, "") for code in rules.THEMES)]
    quarter = [f"{year}-Q1", "suggestion_box", "0", "0", "0", "", "", "", "",
               *("" for _code in rules.THEMES)]
    return [header, example, quarter]


#: What goes in each column, for the template's legend.
LEGEND = {
    "period": N_("Required. A month as 2027-03, or a quarter as 2027-Q1."),
    "channel": N_("Required. The channel the complaints came in through."),
    "received": N_("Required. How many complaints came in during the period."),
    "resolved": N_("Of these, how many are resolved."),
    "open": N_("Of these, how many are still open."),
    "days_to_response": N_("Optional. The median number of days to a first response."),
    "days_to_resolution": N_("Optional. The median number of days to resolution."),
    "anonymous": N_("Optional. How many were raised anonymously."),
    "women": N_("Optional. How many were raised by women."),
    "theme": N_("How many complaints were about this theme; what no theme holds counts as "
                "not classified."),
}


def legend_rows() -> list[tuple[str, str, str]]:
    """(column, key of its ``LEGEND`` text, allowed values) for every column."""
    rows = [(name, name, "") for name in COLUMNS if name not in rules.THEMES]
    rows[1] = ("channel", "channel", ", ".join(c.value for c in Channel))
    rows += [(code, "theme", "") for code in rules.THEMES]
    return rows
