"""Spreadsheet downloads that cannot run what a person typed (CSV/formula injection, ASVS 1.2.10).

Every CSV writer goes through `csv_writer` (or `safe_row`); every XLSX book is made by
`xlsx_workbook` and its rows written with `write_row`, which stores text as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

# Spreadsheet apps read a cell starting with one of these as a formula (tab and carriage
# return are stripped first by some of them, so they count too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula, made plain text with a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(value) for value in row]


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class SafeCsvWriter:
    """`csv.writer` whose every cell is passed through `safe_cell`."""

    def __init__(self, target: _Writable) -> None:
        self._writer = csv.writer(target)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(target: _Writable) -> SafeCsvWriter:
    return SafeCsvWriter(target)


def xlsx_workbook(target: Any) -> Workbook:
    """An in-memory XlsxWriter book that never turns text into a formula, link or number."""
    import xlsxwriter

    return xlsxwriter.Workbook(
        target,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )


def write_row(
    sheet: Worksheet, row: int, column: int, values: Iterable[object], style: Any = None
) -> None:
    """Write a row cell by cell: text with `write_string`, so it is stored as text."""
    for offset, value in enumerate(values):
        if isinstance(value, str):
            sheet.write_string(row, column + offset, value, style)
        else:
            sheet.write(row, column + offset, value, style)
