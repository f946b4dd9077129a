"""Scenario: Dylan, a manager with a new phone, makes new recovery codes, downloads them and
removes his old authenticator app, on his phone; every page is in plain words and passes axe
at 320 px (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_manager_makes_new_codes_and_removes_his_app_on_a_phone(
    page: Page, live_server: object, manager: Membership, tmp_path: Path
) -> None:
    base = str(live_server)
    sign_in(page, base, manager.user.username)
    visit(page, f"{base}/auth/2fa/")
    expect(page.get_by_role("heading", level=1)).to_have_text("How you sign in")

    page.get_by_role("link", name="Make new recovery codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make new recovery codes")
    assert_accessible(page)
    page.get_by_role("button", name="Make new codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    assert_accessible(page)
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download your recovery codes (text file)").click()
    saved = tmp_path / "codes.txt"
    waiting.value.save_as(saved)
    text = saved.read_text()
    assert text.startswith("Coproduce: your recovery codes")
    shown = page.locator("#recovery-codes li").all_inner_texts()
    assert len(shown) == 10 and all(code in text for code in shown)

    visit(page, f"{base}/auth/2fa/")
    page.get_by_role("link", name="Remove your authenticator app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove your authenticator app")
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "Admins and managers must use an authenticator app."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Remove the app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How you sign in")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your authenticator app is removed from your account"
    )
    expect(page.get_by_text("You have not set up an authenticator app.")).to_be_visible()
    assert_accessible(page)
    # A manager cannot carry on without one: any other page leads to setting up the new phone.
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    assert_accessible(page)
