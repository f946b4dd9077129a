"""Scenario: Fran checks in on her phone; Sam sees the project's before and after. Axe at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.outcomes.measures import MEASURES
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.scenarios import a_project, a_session

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_young_person_checks_in_on_a_phone(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
    admin: Membership,
) -> None:
    base = str(live_server)
    project = a_project(practitioner)
    a_session(practitioner, project, [(young_person, True, None)])
    sign_in(page, base, young_person.user.username)
    page.get_by_role("link", name="Check in for Youth Club Redesign").click()
    assert_accessible(page)
    for _key, _label, question in MEASURES[:-1]:
        page.get_by_role("group", name=str(question)).get_by_label("Quite a lot").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "I do things for other people: choose an answer"
    )
    assert_accessible(page)
    page.get_by_role("group", name="I do things for other people").get_by_label(
        "A lot", exact=True
    ).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Thank you")
    expect(page.get_by_test_id("journey")).to_contain_text("4")
    assert_accessible(page)

    staff = another_phone()
    sign_in(staff, base, practitioner.user.username)
    visit(staff, f"{base}/outcomes/projects/{project.pk}/")
    expect(staff.get_by_test_id("too-few")).to_be_visible()
    boss = another_phone()
    sign_in(boss, base, admin.user.username)
    visit(boss, f"{base}/outcomes/settings/")
