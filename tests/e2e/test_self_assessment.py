"""Scenario: Fran (16) gives the young people's view of the nef framework on her phone;
then Bob, a practitioner, scores all eight indicators for his own practice, his project
and his organisation, and his result shows the radar, the gap with young people and the
verdict. Axe runs on every page, at 320 px wide."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership, Organisation
from tests.a11y import assert_accessible, visit
from tests.assessments.helpers import open_round
from tests.e2e.test_sign_in import sign_in


def save_and_continue(page: Page) -> None:
    """Save an indicator and wait for the next page: each indicator page has the same fields,
    so without the wait the next answers could go into the page that is leaving."""
    leaving = page.url
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(lambda url: url != leaving)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PRACTITIONER_SCORES = [8, 7, 3, 8, 7, 9, 8, 7]  # indicator 3 holds the verdict back
YOUNG_SCORES = [7, 7, 8, 7, 7, 8, 7, 7]


def test_it_lets_a_young_person_and_a_practitioner_complete_the_nef_framework(
    page: Page,
    live_server: object,
    organisation: Organisation,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    open_round(organisation)

    sign_in(page, base, young_person.user.username)
    assert_accessible(page)
    page.get_by_role("link", name="Have your say").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start").click()
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    for value in YOUNG_SCORES:
        expect(page.get_by_text("How true is this for you?")).to_be_visible()
        assert_accessible(page)
        page.locator(f"#id_value_project_{value - 1}").check()
        save_and_continue(page)
    assert_accessible(page)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/assessments/")
    page.get_by_role("button", name="Start").click()
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    for n, value in enumerate(PRACTITIONER_SCORES):
        assert_accessible(page)
        for level, label in (
            ("practice", "My own practice"),
            ("project", "My project"),
            ("organisation", "My organisation"),
        ):
            page.locator(f"#id_value_{level}_{value - 1}").check()
            page.get_by_label(f"{label}: a practical example").fill(
                f"Indicator {n + 1}: at the youth forum on Tuesday young people ran the "
                f"{level} discussion and we acted on their plan"
            )
        page.get_by_label("Reflection").fill("Share the forum's planning method with Carers")
        save_and_continue(page)
    assert_accessible(page)
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    assert_accessible(page)
    expect(page.get_by_test_id("radar")).to_be_visible()
    expect(page.get_by_test_id("radar").locator("polygon[stroke-dasharray]")).to_have_count(3)
    verdicts = page.get_by_test_id("verdict")
    expect(verdicts).to_have_count(3)
    expect(verdicts.first).to_contain_text("Not yet co-producing")
    expect(verdicts.first).to_contain_text("recognised and celebrated")
    gaps = page.get_by_test_id("gap-table")
    # Indicator 3: staff 3, young people 8, a gap of 5 that needs a conversation.
    expect(gaps.locator("tr", has_text="recognised and celebrated")).to_contain_text("5")
    expect(gaps).to_contain_text("Needs a conversation")
