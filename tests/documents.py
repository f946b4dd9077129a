"""Read generated documents back the way a person's software would: PDF text and spreadsheets."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zlib

import pytest


def pdf_text(data: bytes) -> str:
    """Text from a PDF via pdftotext (poppler-utils, installed by `make chromium`)."""
    assert data.startswith(b"%PDF"), "not a PDF"
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is not installed: run `make chromium`")
    assert_tagged(data)
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return result.stdout.decode()


def assert_tagged(data: bytes) -> None:
    """Every PDF the product makes is tagged, so a screen reader can follow it."""
    info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    assert "Tagged:          yes" in info.stdout.decode(), "the PDF is not tagged"


def pdf_structure(data: bytes) -> list[str]:
    """The tagged structure in reading order, one line a tag or text, as `pdfinfo -struct-text`
    prints it: what a screen reader walks through."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        result = subprocess.run(
            ["pdfinfo", "-struct-text", file.name], capture_output=True, check=True
        )
    return [line.strip() for line in result.stdout.decode().splitlines() if line.strip()]


def xlsx_rows(data: bytes, sheet: int = 0) -> list[list[object]]:
    """Every row of one worksheet, as openpyxl (like Excel) reads it."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in book.worksheets[sheet].iter_rows(values_only=True)]


def pdf_language(data: bytes) -> str | None:
    """The document language a screen reader is told (the catalogue's /Lang), looking inside
    compressed object streams too."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for chunk in chunks:
        found = re.search(rb"/Lang\s*\((.*?)\)", chunk)
        if found:
            return found.group(1).decode()
    return None
