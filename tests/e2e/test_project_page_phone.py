"""Scenario (issues 25, 26): Sam opens a busy project on a 320 px phone. The summary comes
first, a contents list opens the folded sections, the ideas show the latest few with the rest
a page at a time, "Not adopted" looks different from "Adopted", and no ".:" appears. Fran's
home page shows her idea and its outcome cleanly too. Axe runs on every page."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.projects import services
from coproduce.projects.models import Status
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.scenarios import a_project

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} is {width}px wide"


def test_it_lays_out_a_busy_project_for_a_phone(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    club = a_project(practitioner, name="Friday Club")
    ideas = [
        services.idea_record(
            acting_user=practitioner.user,
            project=club,
            text=f"Idea {n:02d}: open the club on Saturday afternoons too.",
            source="session",
            author=young_person,
            owner=practitioner,
        )
        for n in range(1, 35)
    ]
    services.response_give(
        acting_user=practitioner.user, ideas=[ideas[-1]], status=Status.ADOPTED, action="From May"
    )
    services.response_give(
        acting_user=practitioner.user,
        ideas=[ideas[-2]],
        status=Status.NOT_ADOPTED,
        reason="The building is shut.",
    )
    services.session_record(
        acting_user=practitioner.user,
        project=club,
        date=datetime.date.today() + datetime.timedelta(days=3),
        duration_minutes=90,
        activity="Pizza and plans",
    )
    base = str(live_server)
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/{club.pk}/")

    # The summary first, then the contents; the sections are folded away.
    summary = page.get_by_test_id("project-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Pizza and plans")
    expect(summary).to_contain_text("32 ideas are waiting for an answer")
    contents = page.get_by_test_id("contents")
    expect(contents).to_be_visible()
    hours = page.get_by_role("link", name="Record a month's hours")
    expect(hours).to_be_hidden()
    _no_sideways_scroll(page)

    # A contents link opens its section.
    contents.get_by_role("link", name="Staff and young people's hours").click()
    expect(hours).to_be_visible()
    assert_accessible(page)

    # A section's own heading unfolds it and folds it again.
    ladder_button = page.locator("summary", has_text="Where young people were on the ladder")
    ladder_table = page.get_by_role("cell", name="Not participation").first
    expect(ladder_table).to_be_hidden()
    ladder_button.click()
    expect(ladder_table).to_be_visible()
    ladder_button.click()
    expect(ladder_table).to_be_hidden()

    # The ideas: the latest three here, tagged by decision, with no ".:" anywhere.
    contents.get_by_role("link", name="You said – we did").click()
    cards = page.get_by_test_id("idea-card")
    expect(cards).to_have_count(3)
    adopted = cards.filter(has_text="Idea 34").locator(".govuk-tag")
    refused = cards.filter(has_text="Idea 33").locator(".govuk-tag")
    expect(adopted).to_have_text("Adopted")
    expect(refused).to_have_text("Not adopted")
    assert "govuk-tag--green" in (adopted.get_attribute("class") or "")
    assert "govuk-tag--grey" in (refused.get_attribute("class") or "")
    assert adopted.evaluate("e => getComputedStyle(e).backgroundColor") != refused.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert ".:" not in page.locator("main").inner_text()
    assert_accessible(page)

    # Every idea, ten a page, on its own pages.
    page.get_by_role("link", name="See all 34 ideas").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("You said – we did")
    expect(page.get_by_test_id("idea-card")).to_have_count(10)
    expect(page.get_by_text("Ideas 1 to 10 of 34, newest first")).to_be_visible()
    page.get_by_role("link", name="Next").click()
    assert_accessible(page)
    expect(page.get_by_text("Ideas 11 to 20 of 34, newest first")).to_be_visible()
    expect(page.get_by_test_id("idea-card").first).to_contain_text("Idea 24")
    assert ".:" not in page.locator("main").inner_text()

    # The people, and what other apps add, are on their own page.
    visit(page, f"{base}/projects/{club.pk}/")
    page.get_by_test_id("contents").get_by_role("link", name="Roles and people").click()
    assert_accessible(page)
    expect(page.get_by_role("heading", name="Roles for young people")).to_be_visible()
    expect(page.get_by_role("heading", name="Who to invite next")).to_be_visible()

    # Fran's home page: her latest ideas with their outcomes, no ".:".
    phone = another_phone()
    sign_in(phone, base, young_person.user.username)
    visit(phone, f"{base}/")
    main = phone.locator("main").inner_text()
    assert "Saturday afternoons too." in main and ".:" not in main
    expect(phone.locator("main .govuk-tag--grey", has_text="Not adopted")).to_be_visible()
    visit(phone, f"{base}/projects/my-ideas/")
    expect(phone.locator("main .govuk-tag--green", has_text="Adopted").first).to_be_visible()
    expect(phone.locator("main .govuk-tag--grey", has_text="Not adopted")).to_be_visible()
