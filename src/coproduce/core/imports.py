"""Reading a spreadsheet to import, and what every import reports: each problem by its line.

Imports check every row first and change nothing if any row is wrong, so staff fix the file
once; the pages list these problems by line. `read_upload` reads a CSV or an Excel (.xlsx)
file into the same `Sheet`, so an import written against one takes the other too.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx file is a ZIP archive


@dataclass
class ImportProblem:
    line: int
    message: str


@dataclass
class Sheet:
    """The column names (trimmed) and every row that is not blank, with its line number
    (the header is line 1), each value trimmed text."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]

    def missing(self, required: list[str]) -> list[ImportProblem]:
        """A problem on line 1 naming the required columns the file lacks (none if all there)."""
        absent = [c for c in required if c not in self.columns]
        if not absent:
            return []
        return [ImportProblem(1, _("Missing columns: %(cols)s") % {"cols": ", ".join(absent)})]


class UnreadableFile(ValueError):
    """Not a CSV or Excel file we can read."""


def read_csv(text: str) -> Sheet:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    columns = [c.strip() for c in header]
    rows = []
    for values in reader:
        row = {name: value.strip() for name, value in zip(columns, values, strict=False) if name}
        if any(row.values()):
            rows.append((reader.line_num, row))
    return Sheet(columns, rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def read_xlsx(data: bytes) -> Sheet:
    """The first worksheet of an Excel workbook: its first row names the columns."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a damaged file
        raise UnreadableFile(str(error)) from error
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        columns = [_cell(c) for c in next(lines, ())]
        rows = []
        for number, values in enumerate(lines, start=2):
            row = {name: _cell(v) for name, v in zip(columns, values, strict=False) if name}
            if any(row.values()):
                rows.append((number, row))
    finally:
        book.close()
    return Sheet(columns, rows)


def read_upload(file: IO[bytes], *, name: str = "") -> Sheet:
    """A CSV (UTF-8, with or without a byte-order mark) or .xlsx upload, told apart by its
    first bytes, not its name."""
    data = file.read()
    if data.startswith(XLSX_MAGIC) or name.lower().endswith(".xlsx"):
        return read_xlsx(data)
    return read_csv(data.decode("utf-8-sig", errors="replace"))
