"""Scenario: Bob waits for a file the worker makes. The page tells him, in a status a screen
reader announces, that it is still being prepared, then that it is ready, and the button says
what kind of file it is and how big ("Download the report (PDF, 240 KB)")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coproduce.core import downloads
from coproduce.core.downloads.services import build, file_prepare
from coproduce.core.downloads.views import file_type
from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(_organisation: Any, params: dict[str, Any]) -> downloads.Built:
    if params.get("fail"):
        raise RuntimeError("the printer is on fire")
    size = int(params.get("size", 0))
    return downloads.Built(b"%PDF" + b"x" * size, "report.pdf", "application/pdf", True)


def _spreadsheet(_organisation: Any, _params: dict[str, Any]) -> downloads.Built:
    return downloads.Built(b"PK" + b"y" * 3000, "people.xlsx", SPREADSHEET)


downloads.builders.register(
    downloads.Builder("tests.page_report", "Youth voice report (PDF)", _report)
)
downloads.builders.register(
    downloads.Builder("tests.page_sheet", "List of people (spreadsheet)", _spreadsheet)
)


def _status_of(page: str) -> str:
    found = re.search(r'<div[^>]*role="status"[^>]*>(.*?)</div>', page, re.S)
    assert found, "the page has no status message"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def _ask(member: Membership, kind: str, **params: Any) -> int:
    prepared = file_prepare(
        acting_user=member.user, organisation=member.organisation, kind=kind, params=params
    )
    return prepared.pk


def test_it_says_the_file_is_still_being_prepared_in_a_status(practitioner: Membership) -> None:
    pk = _ask(practitioner, "tests.page_report", size=10)
    page = client_for(practitioner).get(f"/files/{pk}/").content.decode()
    assert _status_of(page).startswith("Still being prepared. You asked for it at")
    # A progress bar named by that message, and a way to look again without script.
    assert '<progress aria-labelledby="prepared-progress-label">' in page
    assert 'id="prepared-progress-label"' in page
    assert "Check again" in page and "core/prepared-file.js" in page


def test_the_download_button_names_the_type_and_size(practitioner: Membership) -> None:
    pk = _ask(practitioner, "tests.page_report", size=240 * 1024)
    assert build(pk) == "ready"
    page = client_for(practitioner).get(f"/files/{pk}/").content.decode()
    assert _status_of(page) == "Youth voice report is ready to download (PDF, 240.0\xa0KB)."
    assert ">Download Youth voice report (PDF, 240.0\xa0KB)</a>" in page
    assert f'href="/files/{pk}/download"' in page
    assert "<progress" not in page and "core/prepared-file.js" not in page


def test_a_spreadsheet_says_it_is_a_spreadsheet(practitioner: Membership) -> None:
    pk = _ask(practitioner, "tests.page_sheet")
    build(pk)
    page = client_for(practitioner).get(f"/files/{pk}/").content.decode()
    assert ">Download List of people (spreadsheet, XLSX, 2.9\xa0KB)</a>" in page


def test_a_failure_is_announced_in_the_status(practitioner: Membership) -> None:
    pk = _ask(practitioner, "tests.page_report", fail=True)
    assert build(pk) == "failed"
    page = client_for(practitioner).get(f"/files/{pk}/").content.decode()
    assert _status_of(page) == "Something went wrong while making your file."
    assert "fire" not in page
    assert "Try again" in page


def test_file_types_are_named_in_plain_words() -> None:
    assert file_type("application/pdf") == "PDF"
    assert file_type("text/csv; charset=utf-8") == "spreadsheet, CSV"
    assert file_type("application/zip") == "ZIP"
    assert file_type("application/octet-stream") == "file"
