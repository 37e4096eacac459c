"""Aggregated results as CSV or XLSX: never a row per respondent. No Flask.

Every text cell is defused against spreadsheet formula injection: a value that
starts with = + - @ or a control character is prefixed with an apostrophe. Other
control characters are dropped: XLSX cannot hold them (text stored before forms
removed them would otherwise make the export fail).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import IO

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


#: Bytes of CSV gathered before they are sent on.
CSV_CHUNK = 64 * 1024


def csv_chunks(rows: Iterable[Sequence]) -> Iterator[bytes]:
    """The rows as CSV, a piece at a time: rows may come from a generator reading
    a few hundred sites at a time, and nothing holds the whole file."""
    out = io.StringIO()
    writer = csv.writer(out)
    yield "\ufeff".encode()  # Excel reads the BOM as UTF-8
    for row in rows:
        writer.writerow([safe(v) for v in row])
        if out.tell() >= CSV_CHUNK:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def xlsx_file(rows: Iterable[Sequence], title: str) -> IO[bytes]:
    """The rows as a workbook in a temporary file, read from its start: openpyxl's
    write-only mode keeps rows on disk, not in memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    for row in rows:
        sheet.append([safe(v) for v in row])
    out = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it when sent)
    book.save(out)
    out.seek(0)
    return out


def to_csv(rows: Iterable[Sequence]) -> bytes:
    return b"".join(csv_chunks(rows))


def to_xlsx(rows: Iterable[Sequence], title: str) -> bytes:
    with xlsx_file(rows, title) as out:
        return out.read()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def streamed(rows: Iterable[Sequence], kind: str, title: str):
    """The rows as ``kind`` to send as they are written: (CSV pieces or an open
    workbook file, MIME type)."""
    if kind == "xlsx":
        return xlsx_file(rows, title), XLSX
    return csv_chunks(rows), "text/csv"


def encode(rows: Iterable[Sequence], kind: str, title: str) -> tuple[bytes, str]:
    """The rows as ``kind`` ("csv" or "xlsx"): (data, MIME type)."""
    if kind == "xlsx":
        return to_xlsx(rows, title), XLSX
    return to_csv(rows), "text/csv"
