"""Scenario: Jade Morgan, a new manager, signs in on her phone for the first time and sets up
an authenticator app, with no second password prompt; every page she sees passes axe at 320 px
(issue 26)."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Organisation
from coproduce.organisations.roles import Role
from tests.a11y import assert_accessible, visit
from tests.factories import PASSWORD, MembershipFactory, totp_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_new_manager_sets_up_her_app_on_a_phone(
    page: Page, live_server: object, organisation: Organisation
) -> None:
    MembershipFactory.create(
        organisation=organisation,
        role=Role.MANAGER,
        two_factor=False,
        user__username="jmorgan",
        user__first_name="Jade",
        user__last_name="Morgan",
    )
    base = str(live_server)
    visit(page, f"{base}/auth/login/")
    page.get_by_label("Username or email").fill("jmorgan")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Signed in as Jade Morgan")
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    page.get_by_text("I cannot scan the QR code").click()
    key = page.locator("#authenticator-key").inner_text().replace(" ", "")
    assert_accessible(page)

    page.get_by_role("button", name="Continue").click()  # nothing typed
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the 6 numbers from your authenticator app"
    )
    assert_accessible(page)

    left = 30 - time.time() % 30
    if left < 5:  # a code is good for its 30-second window only
        time.sleep(left + 0.1)
    page.get_by_label("Code from your authenticator app").fill(totp_now(key))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    assert_accessible(page)
