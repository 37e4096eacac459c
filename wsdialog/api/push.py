"""Respondents sent by a provider's tool as JSON, made into the table an uploaded
file is, so that they meet exactly the same checks (``surveys.importer``); and
the checks' problems said back as JSON pointers into the request. No Flask.

One respondent is an object::

    {"respondent": "r-0042", "date": "2027-03-05", "channel": "phone",
     "language": "vi", "gender": "woman", "age_band": "25_34",
     "answers": {"WAGE_RUNS_OUT": "no", "CLEAN_WATER": "yes"}}

``respondent`` is the provider's own key: required here, since it makes a push
idempotent (a respondent sent again is not stored again). Everything else is a
column of the file, with the same names and values (and the provider's saved
mapping applies as it does to its files).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..surveys.importer import META, Problem
from ..surveys.respondents import DEMOGRAPHICS

#: At most this many respondents in one request (a survey tool sends as they come).
MAX_RESPONDENTS = 5_000
#: The columns of a respondent object, in the table's order; then the answers.
FIELDS = (*META, *DEMOGRAPHICS)


@dataclass(frozen=True)
class ShapeError:
    """Something in the request that is not a respondent as described."""

    pointer: str
    detail: str


def _text(value) -> str | None:
    """A cell's text, or None for a value no cell can hold (an object, a list)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return str(value)
    return None


def table(body) -> tuple[list[list[str]], list[ShapeError]]:
    """The request's respondents as rows of a file (header first), or what is
    wrong with the request's shape."""
    if not isinstance(body, dict) or not isinstance(body.get("respondents"), list):
        return [], [ShapeError("", "The body must be an object with a 'respondents' array.")]
    records = body["respondents"]
    if not records:
        return [], [ShapeError("/respondents", "No respondents were sent.")]
    if len(records) > MAX_RESPONDENTS:
        return [], [ShapeError("/respondents",
                               f"At most {MAX_RESPONDENTS} respondents per request.")]
    errors: list[ShapeError] = []
    codes: list[str] = []
    for index, record in enumerate(records):
        where = f"/respondents/{index}"
        if not isinstance(record, dict):
            errors.append(ShapeError(where, "A respondent must be an object."))
            continue
        for name, value in record.items():
            if name == "answers":
                if not isinstance(value, dict):
                    errors.append(ShapeError(f"{where}/answers", "'answers' must be an object."))
                    continue
                for code, answer in value.items():
                    if _text(answer) is None:
                        errors.append(ShapeError(f"{where}/answers/{code}",
                                                 "An answer must be a string."))
                    elif code not in codes:
                        codes.append(code)
            elif name not in FIELDS:
                errors.append(ShapeError(f"{where}/{name}", f"Unknown field '{name}'."))
            elif _text(value) is None:
                errors.append(ShapeError(f"{where}/{name}", "Must be a string."))
        if not (_text(record.get("respondent")) or "").strip():
            errors.append(ShapeError(f"{where}/respondent",
                                     "Each respondent needs the provider's key, 'respondent': "
                                     "it makes sending again safe."))
    if errors:
        return [], errors
    # The columns any respondent has, as a file would have them.
    fields = [name for name in FIELDS if any(name in record for record in records)]
    rows = [[*fields, *codes]]
    for record in records:
        answers = record.get("answers") or {}
        rows.append([_text(record.get(name)) or "" for name in fields]
                    + [_text(answers.get(code)) or "" for code in codes])
    return rows, []


def pointer(problem: Problem, question_codes: set[str]) -> str:
    """Where in the request a problem of the checks lies. The table's rows count
    from 1 for the header, as a spreadsheet's: respondent ``row - 2``. Columns are
    lower-cased by the checks; question codes are upper case."""
    if problem.row is None or problem.row < 2:
        column = problem.column
        return f"/respondents/0/answers/{column.upper()}" if column and \
            column.upper() in question_codes else "/respondents"
    where = f"/respondents/{problem.row - 2}"
    if problem.column is None:
        return where
    if problem.column.upper() in question_codes:
        return f"{where}/answers/{problem.column.upper()}"
    return f"{where}/{problem.column}"
