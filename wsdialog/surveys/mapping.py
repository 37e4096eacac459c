"""A survey provider's saved mapping of its own file to ours: its column names
(``Age group`` → ``age_band``; a column to leave out, such as a start time) and
its values (``female`` → ``woman``, ``25-34`` → ``25_34``, an answer ``1`` →
``yes``), written once and applied to every later file of the provider before
the usual checks. A value the mapping does not name passes through unchanged,
and the checks refuse it with its row and column as for any file. No Flask.

Written as lines, one per column or value, as a person reads them::

    Gender = gender
    Age group = age_band
    Q1 = WAGE_RUNS_OUT
    start = -

    gender: female = woman
    age_band: 25-34 = 25_34
    answers: 1 = yes
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..text import N_
from .importer import ANSWERS, META
from .respondents import ALLOWED, DEMOGRAPHICS

#: A column mapped to this is left out of the file (a time of day, an interviewer).
LEAVE_OUT = "-"
#: In the values: a mapping for every question's answers.
ANSWER_VALUES = "answers"
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
#: A day or a time of day: a column of these takes no value mapping.
_MOMENT = re.compile(r"^[\d :/.T-]+$")


@dataclass(frozen=True)
class Mapping:
    #: Their column name, lower-cased → ours, or ``LEAVE_OUT``.
    columns: dict[str, str] = field(default_factory=dict)
    #: Our column (or ``ANSWER_VALUES``) → their value, lower-cased → ours.
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def apply(self, rows: Sequence[Sequence[str]]) -> list[list[str]]:
        """The rows as our importer reads them: the header renamed, columns to
        leave out dropped, each mapped value replaced."""
        if not rows:
            return []
        header = [self.columns.get((c or "").strip().lower(), (c or "").strip())
                  for c in rows[0]]
        keep = [i for i, name in enumerate(header) if name != LEAVE_OUT]
        out = [[header[i] for i in keep]]
        maps = [self.values.get(header[i]) or (
            self.values.get(ANSWER_VALUES) if _CODE.match(header[i]) else None) for i in keep]
        for row in rows[1:]:
            cells = list(row) + [""] * (len(header) - len(row))
            out.append([
                (maps[n] or {}).get(cells[i].strip().lower(), cells[i])
                if i < len(cells) else "" for n, i in enumerate(keep)]
                + list(row[len(header):]))
        return out

    @property
    def is_empty(self) -> bool:
        return not self.columns and not self.values


#: Our columns a file may have besides the questions' codes.
OURS = (*META, *DEMOGRAPHICS)


@dataclass(frozen=True)
class LineProblem:
    #: A key of ``PROBLEMS``, and its parameters (the line's number among them).
    code: str
    params: dict


PROBLEMS = {
    "not_a_pair": N_("Line %(line)s: write it as “theirs = ours”."),
    "unknown_column": N_("Line %(line)s: “%(ours)s” is none of our columns or question codes."),
    "unknown_value": N_("Line %(line)s: “%(ours)s” is not a value of %(column)s."),
    "no_column": N_("Line %(line)s: start with our column (or “answers”) and a colon."),
    "twice": N_("Line %(line)s: “%(theirs)s” is mapped twice."),
}


def _pairs(text: str) -> Iterable[tuple[int, str, str | None]]:
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        left, sep, right = line.rpartition("=")
        yield number, (left.strip() if sep else line), (right.strip() if sep else None)


def parse(columns_text: str, values_text: str) -> tuple[Mapping, list[LineProblem]]:
    """The mapping the two texts write, and every problem with a line of them
    (a mapping with problems is not to be saved)."""
    problems: list[LineProblem] = []
    columns: dict[str, str] = {}
    for number, theirs, ours in _pairs(columns_text):
        if not theirs or not ours:
            problems.append(LineProblem("not_a_pair", {"line": number}))
        elif ours != LEAVE_OUT and ours.lower() not in OURS and not _CODE.match(ours):
            problems.append(LineProblem("unknown_column", {"line": number, "ours": ours}))
        elif theirs.lower() in columns:
            problems.append(LineProblem("twice", {"line": number, "theirs": theirs}))
        else:
            columns[theirs.lower()] = ours.lower() if ours.lower() in OURS else ours
    values: dict[str, dict[str, str]] = {}
    for number, left, ours in _pairs(values_text):
        column, colon, theirs = left.partition(":")
        column, theirs = column.strip(), theirs.strip()
        allowed = ANSWERS if column == ANSWER_VALUES else ALLOWED.get(column) \
            if column in ALLOWED else ANSWERS if _CODE.match(column) else None
        if not colon or allowed is None:
            problems.append(LineProblem("no_column", {"line": number}))
        elif not theirs or not ours:
            problems.append(LineProblem("not_a_pair", {"line": number}))
        elif ours not in allowed:
            problems.append(LineProblem("unknown_value", {"line": number, "ours": ours,
                                                          "column": column}))
        elif theirs.lower() in values.get(column, {}):
            problems.append(LineProblem("twice", {"line": number, "theirs": theirs}))
        else:
            values.setdefault(column, {})[theirs.lower()] = ours
    return Mapping(columns, values), problems


def as_text(mapping: Mapping) -> tuple[str, str]:
    """The two texts that write ``mapping`` (``parse`` reads them back)."""
    columns = "\n".join(f"{theirs} = {ours}" for theirs, ours in mapping.columns.items())
    values = "\n".join(f"{column}: {theirs} = {ours}"
                       for column, pairs in mapping.values.items()
                       for theirs, ours in pairs.items())
    return columns, values


def sample_lines(rows: Sequence[Sequence[str]], known: Mapping,
                 limit: int = 12) -> tuple[str, str]:
    """Lines to start a mapping from a provider's real file: each of its columns,
    and the values found in the columns that take few (demographics, answers),
    each completed where ``known`` (the saved mapping) says, else left for the
    person to complete with ours."""
    if not rows:
        return "", ""
    header = [(c or "").strip() for c in rows[0]]
    columns = "\n".join(f"{name} = {known.columns.get(name.lower(), '')}".rstrip()
                        for name in header if name)
    values = []
    for i, name in enumerate(header):
        ours = known.columns.get(name.lower(), name)
        found = sorted({(r[i] or "").strip() for r in rows[1:] if i < len(r) and r[i]})
        if name and ours != LEAVE_OUT and 0 < len(found) <= limit \
                and not all(_MOMENT.match(value) for value in found):
            pairs = known.values.get(ours) or (
                known.values.get(ANSWER_VALUES, {}) if _CODE.match(ours) else {})
            values += [f"{ours}: {value} = {pairs.get(value.lower(), '')}".rstrip()
                       for value in found]
    return columns, "\n".join(values)
