"""Scenario: Sam, a practitioner, adds Jade (14, no e-mail) and hands her a code on
paper; Jade signs in on her phone with it and chooses a password. Axe runs on
every page either of them sees, at 320 px wide."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.factories import PASSWORD, totp_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    visit(page, f"{base}/auth/login/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if "/auth/2fa/authenticate/" in page.url:  # admins and managers: two-step sign-in
        assert_accessible(page)
        # A code is good for its 30-second window only: one typed in its last seconds can
        # reach the server in the next window and be refused, so wait for a fresh one.
        left = 30 - time.time() % 30
        if left < 5:
            time.sleep(left + 0.1)
        page.get_by_label("Code").fill(totp_now())
        page.get_by_role("button").filter(has_text="Sign In").or_(
            page.get_by_role("button", name="Sign in")
        ).first.click()
        page.wait_for_load_state()
        assert "/auth/2fa/authenticate/" not in page.url, "the two-step code was refused"


def test_it_lets_a_practitioner_add_a_young_person_who_then_signs_in_with_a_code(
    page: Page, another_phone: Callable[[], Page], live_server: object, practitioner: Membership
) -> None:
    base = str(live_server)
    sign_in(page, base, practitioner.user.username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    assert_accessible(page)

    visit(page, f"{base}/organisation/people/")
    page.get_by_role("button", name="Add a person").click()
    assert_accessible(page)
    page.get_by_label("First name").fill("Jade")
    page.get_by_label("Last name").fill("Williams")
    page.get_by_role("button", name="Add person").click()
    # Nothing typed is lost, and the error says what to do.
    expect(page.locator(".govuk-error-summary")).to_contain_text("date of birth")
    expect(page.get_by_label("First name")).to_have_value("Jade")
    assert_accessible(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("9")
    page.get_by_label("Year").fill("2012")
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jade Williams")
    assert_accessible(page)

    page.get_by_role("button", name="Create a sign-in code").click()
    assert_accessible(page)
    code = page.get_by_test_id("sign-in-code").inner_text()
    username = page.locator("strong", has_text="jade.w").inner_text()

    phone = another_phone()
    visit(phone, f"{base}/start/")
    phone.get_by_label("Your sign-in code").fill(code.lower())
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Choose a password")
    assert_accessible(phone)
    phone.get_by_label("New password", exact=True).fill("purple lantern otter")
    phone.get_by_label("New password confirmation").fill("purple lantern otter")
    phone.get_by_role("button", name="Save password").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Hi Jade")
    assert_accessible(phone)

    # The code works once only.
    phone.context.clear_cookies()
    visit(phone, f"{base}/start/?code={code}")
    phone.get_by_role("button", name="Continue").click()
    expect(phone.locator(".govuk-error-summary")).to_contain_text("already been used")
    assert_accessible(phone)

    # And her new password works.
    sign_in(phone, base, username, "purple lantern otter")
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Hi Jade")
