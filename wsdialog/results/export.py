"""Aggregated results as CSV or XLSX: never a row per respondent. No Flask.

Every text cell is defused against spreadsheet formula injection: a value that
starts with = + - @ or a control character is prefixed with an apostrophe. Other
control characters are dropped: XLSX cannot hold them (text stored before forms
removed them would otherwise make the export fail).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import lru_cache

from openpyxl import Workbook

from ..text import without_control_characters

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe(value):
    return _safe_text(value) if isinstance(value, str) else value


@lru_cache(maxsize=4096)
def _safe_text(value: str) -> str:
    # An export repeats the same names, questions and themes on every row.
    if value.startswith(DANGEROUS_START):
        value = "'" + value
    return without_control_characters(value)


def to_csv(rows: Sequence[Sequence]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([[safe(v) for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")  # Excel reads the BOM as UTF-8


def to_xlsx(rows: Sequence[Sequence], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def encode(rows: Sequence[Sequence], kind: str, title: str) -> tuple[bytes, str]:
    """The rows as ``kind`` ("csv" or "xlsx"): (data, MIME type)."""
    if kind == "xlsx":
        return to_xlsx(rows, title), XLSX
    return to_csv(rows), "text/csv"
