"""Scenario: Fran checks her credits on her phone and books a place on the trip; staff see
the organisation's totals. Axe on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.credits import services
from coproduce.organisations.models import Membership
from tests.a11y import visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_shows_a_statement_and_books_a_reward_on_a_phone(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=11 * 60,
        reason="Interview panel",
        idempotency_key="e2e",
    )
    services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Trip to Barry Island",
        price_minutes=300,
        places=2,
    )
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/credits/me/")
    expect(page.get_by_test_id("balance")).to_have_text("11 credits")
    expect(page.get_by_text("You have given 11 hours.")).to_be_visible()
    expect(page.get_by_text("10 hours")).to_be_visible()
    page.get_by_role("button", name="Book Trip to Barry Island").click()
    expect(page.get_by_test_id("left")).to_have_text("6 credits")
    page.get_by_role("button", name="Yes, book it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Booked: Trip to Barry Island"
    )
    expect(page.get_by_test_id("balance")).to_have_text("6 credits")
    visit(page, f"{base}/credits/me/")

    staff = another_phone()
    sign_in(staff, base, practitioner.user.username)
    for path in ["/credits/", "/credits/award/", "/credits/import/", "/credits/accreditation/add/"]:
        visit(staff, f"{base}{path}")
    visit(staff, f"{base}/credits/")
    expect(staff.get_by_test_id("issued")).to_have_text("11")
