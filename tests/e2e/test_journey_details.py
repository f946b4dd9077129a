"""Issue 26's smaller journeys, walked on a phone (320 px, axe clean on every page):
Bob adds a session the way he would write it on paper; Fran's footer has no developer link;
anyone can read what is and is not accessible and how to complain."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.projects.models import Session
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.scenarios import a_project

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_bob_gets_a_message_for_each_box_and_his_six_thirty_pm_is_understood(
    page: Page, live_server: object, practitioner: Membership
) -> None:
    base = str(live_server)
    project = a_project(practitioner, name="Skate Park Design")
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/{project.pk}/sessions/add/")
    page.get_by_label("Start time (optional)").fill("6.30pm")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the length in minutes")
    expect(summary).not_to_contain_text("This field is required")
    # Each message in the summary takes Bob to the box it is about.
    summary.get_by_role("link", name="Enter the length in minutes").click()
    expect(page.get_by_label("Length in minutes")).to_be_focused()
    # What he typed is kept, and the date was today's without him typing it.
    expect(page.get_by_label("Start time (optional)")).to_have_value("6.30pm")
    page.get_by_label("Length in minutes").fill("90")
    page.get_by_label("What we did").fill("Ramp drawings")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Session recorded")
    session = Session.objects.get(project=project)
    assert session.start_time == datetime.time(18, 30)
    assert session.date == timezone.localdate()


def test_fran_sees_no_api_link_and_bob_does(
    page: Page, live_server: object, young_person: Membership, practitioner: Membership
) -> None:
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hi Fran")
    expect(page.locator("footer").get_by_role("link", name="API")).to_have_count(0)
    page.context.clear_cookies()
    sign_in(page, base, practitioner.user.username)
    expect(page.locator("footer").get_by_role("link", name="API")).to_have_count(1)


def test_the_accessibility_statement_says_what_the_regulations_ask(
    page: Page, live_server: object
) -> None:
    visit(page, f"{live_server}/accessibility/")
    main = page.locator("main")
    for heading in [
        "How accessible this service is",
        "What is not accessible, and why",
        "Tell us about a problem, or ask for another format",
        "Enforcement procedure",
        "Preparation of this statement",
    ]:
        expect(main.get_by_role("heading", name=heading)).to_be_visible()
    expect(main).to_contain_text("partially compliant")
    expect(main).to_contain_text("We will reply within 5 working days")
    expect(page.get_by_test_id("statement-dates")).to_contain_text("prepared on")
