"""Read generated documents back the way a person's software would: PDF text and spreadsheets."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest


def pdf_text(data: bytes) -> str:
    """Text from a PDF via pdftotext (poppler-utils, installed by `make chromium`)."""
    assert data.startswith(b"%PDF"), "not a PDF"
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is not installed: run `make chromium`")
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def xlsx_rows(data: bytes, sheet: int = 0) -> list[list[object]]:
    """Every row of one worksheet, as openpyxl (like Excel) reads it."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in book.worksheets[sheet].iter_rows(values_only=True)]
