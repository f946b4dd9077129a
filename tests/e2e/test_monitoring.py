"""Scenario: Sam prepares the monitoring report on a phone, writes an answer, and checks who
is missing out. Axe on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.scenarios import a_project, a_session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_practitioner_prepares_a_monitoring_report(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
    admin: Membership,
    commissioner: Membership,
) -> None:
    base = str(live_server)
    project = a_project(practitioner)
    a_session(practitioner, project, [(young_person, True, 5)])
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/monitoring/")
    page.get_by_role("link", name="Youth Club Redesign").click()
    assert_accessible(page)
    expect(page.locator('[data-figure="young_people"]')).to_have_text("1")
    page.get_by_role("link", name="Write your answer to question 3").click()
    assert_accessible(page)
    page.get_by_label("Your answer").fill("They use the club every Friday.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("They use the club every Friday.")).to_be_visible()
    visit(page, f"{base}/monitoring/inclusion/")
    expect(page.get_by_test_id("took-part")).to_have_text("1")
    expect(page.get_by_role("link", name="Record who the organisation serves")).to_have_count(0)

    manager = another_phone()
    sign_in(manager, base, admin.user.username)
    visit(manager, f"{base}/monitoring/inclusion/")
    manager.get_by_role("link", name="Record who the organisation serves").click()
    assert_accessible(manager)
    manager.get_by_label("Aged 11–12").fill("40")
    manager.get_by_role("button", name="Save").click()
    expect(manager.get_by_test_id("by-group")).to_contain_text("40")
    visit(manager, f"{base}/monitoring/sharing/")
    manager.get_by_label("Yes, share aggregate reports").check()
    manager.get_by_role("button", name="Save").click()
    expect(
        manager.get_by_role("link", name="Reports are shared with your commissioners")
    ).to_be_visible()

    # The commissioner sees figures, never names; one young person is "fewer than 5".
    chris = another_phone()
    sign_in(chris, base, commissioner.user.username)
    visit(chris, f"{base}/monitoring/shared/")
    chris.get_by_role("link", name="Youth Club Redesign").click()
    assert_accessible(chris)
    expect(chris.get_by_test_id("shared-ages")).to_contain_text("fewer than 5")
    expect(chris.get_by_text(young_person.user.display_name)).to_have_count(0)
