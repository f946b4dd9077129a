"""Scenario: Sam asks for the monitoring report as a spreadsheet on a phone. The worker makes
it; the page says so in a status a screen reader hears, then, without reloading, says it is
ready and offers a button that names the file's type and size. Without script, "Check again"
gets there too. Axe on every page at 320 px."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.documents import xlsx_rows
from tests.e2e.test_sign_in import sign_in
from tests.factories import PASSWORD
from tests.scenarios import a_project, a_session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

READY = re.compile(
    r"Monitoring report is ready to download \(spreadsheet, XLSX, [\d.]+\s(?:bytes|KB)\)"
)
BUTTON = re.compile(r"^Download Monitoring report \(spreadsheet, XLSX, [\d.]+\s(?:bytes|KB)\)$")


def test_the_waiting_page_tells_a_screen_reader_when_the_file_is_ready(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    base = str(live_server)
    project = a_project(practitioner)
    a_session(practitioner, project, [(young_person, True, 5)])
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/monitoring/projects/{project.pk}/")
    page.get_by_role("link", name=re.compile(r"spreadsheet \(XLSX\)")).click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Your file is being prepared")
    status = page.get_by_role("status")
    expect(status).to_contain_text("Still being prepared. You asked for it at")
    expect(page.get_by_role("progressbar", name=re.compile("Still being prepared"))).to_be_visible()
    assert_accessible(page)
    page.evaluate("() => { window.stillTheSamePage = true; }")

    call_command("worker", "--once")

    expect(heading).to_have_text("Your file is ready", timeout=15_000)
    expect(status).to_have_text(READY)
    # The status was changed in place, not by reloading: a screen reader hears it once.
    assert page.evaluate("() => window.stillTheSamePage === true")
    expect(page.get_by_role("progressbar")).to_have_count(0)
    assert page.title().startswith("Your file is ready")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name=BUTTON).click()
    rows = xlsx_rows(download.value.path().read_bytes())
    assert rows, "the spreadsheet is empty"


def test_without_script_check_again_shows_the_download(
    page: Page,
    live_server: object,
    practitioner: Membership,
    browser_context_args: dict[str, Any],
) -> None:
    base = str(live_server)
    project = a_project(practitioner)
    browser = page.context.browser
    assert browser is not None
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    try:
        # Axe needs script, so this phone is only read; the same pages are checked above.
        phone = context.new_page()
        phone.goto(f"{base}/auth/login/")
        phone.get_by_label("Username or email").fill(practitioner.user.username)
        phone.get_by_label("Password").fill(PASSWORD)
        phone.get_by_role("button", name="Sign in").click()
        phone.goto(f"{base}/monitoring/projects/{project.pk}/report.xlsx")
        expect(phone.get_by_role("heading", level=1)).to_have_text("Your file is being prepared")
        call_command("worker", "--once")
        phone.get_by_role("button", name="Check again").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text("Your file is ready")
        expect(phone.get_by_role("status")).to_have_text(READY)
        expect(phone.get_by_role("button", name=BUTTON)).to_be_visible()
    finally:
        context.close()
