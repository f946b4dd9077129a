"""Scenario: self-assessment on a 320 px phone, finished without help (issue 26).

Bob reads his result: the summary comes first, the detail per level folds away, scores
read "6 out of 9 (Getting there)" and the next step says what it takes to reach the next
band, with nothing off the side of the screen. Mo the manager sees the latest round first on
the trend page. Fran, a young person, is told when she moves on without an answer, can skip
on purpose, and the submit summary takes her straight to each missing answer. Axe runs on
every page at 320 px wide."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from coproduce.assessments import services
from coproduce.organisations.models import Membership, Organisation
from tests.a11y import assert_accessible, visit
from tests.assessments.helpers import fill, open_round
from tests.e2e.test_sign_in import sign_in
from tests.factories import MembershipFactory, YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The result page at 320 px was 13,568 px tall before issue 26 (this same scenario: three
# levels, eight indicators, each with an example). Collapsed detail keeps it well under half.
HEIGHT_BEFORE = 13_568
BOB_SCORES = [8, 7, 3, 8, 7, 6, 5, 7]


def height(page: Page) -> int:
    return int(page.evaluate("() => document.documentElement.scrollHeight"))


def assert_nothing_off_screen(page: Page) -> None:
    """Nothing in the page sticks out past the right edge of the phone, and no box scrolls
    sideways (a table in a scrolling box hides its right-hand columns from a phone)."""
    stray = page.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(e => {
            const r = e.getBoundingClientRect();
            if (!r.width || !r.height || !e.getClientRects().length) return false;
            const scrolls = ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                && e.scrollWidth > e.clientWidth + 1;
            return scrolls || r.right > window.innerWidth + 1;
        }).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))"""
    )
    assert not stray, f"off the side of a 320 px screen on {page.url}: {stray[:5]}"


def test_it_puts_the_summary_first_and_folds_the_detail_away(
    page: Page, live_server: object, organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    mine = fill(round_, practitioner, BOB_SCORES)
    fill(
        round_, YoungPersonFactory.create(organisation=organisation), 8, perspective="young_people"
    )
    base = str(live_server)
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/assessments/{mine.pk}/result/")
    assert_nothing_off_screen(page)

    folded = height(page)
    print(f"result page at 320 px: {HEIGHT_BEFORE} px before, {folded} px now")
    assert folded < HEIGHT_BEFORE / 2, f"the result page is {folded} px tall at 320 px"

    # The summary: a verdict per level with what to do next, above all the detail.
    verdicts = page.get_by_test_id("verdict")
    expect(verdicts).to_have_count(3)
    first = verdicts.first
    expect(first).to_contain_text("My own practice")
    expect(first).to_contain_text("Not yet co-producing")
    expect(first).to_contain_text("5 of 8 indicators score 7 to 9. Holding it back:")
    what_next = first.get_by_test_id("what-next")
    expect(what_next).to_contain_text(
        "start with “Young people's contributions are recognised and celebrated” (3 out of 9)."
    )
    expect(what_next).to_contain_text("To reach getting there (4 to 6):")
    details = page.get_by_test_id("level-details")
    expect(details).to_have_count(3)
    summary_bottom = verdicts.last.bounding_box()
    details_top = details.first.bounding_box()
    assert summary_bottom and details_top
    assert summary_bottom["y"] < details_top["y"]
    # Folded away until asked for.
    expect(details.first.get_by_text("To reach excellent (7 to 9):").first).to_be_hidden()

    details.first.locator("summary").click()
    opened = details.first
    expect(opened.get_by_text("6 out of 9 (Getting there)")).to_be_visible()
    next_step = opened.locator("td", has_text="To reach excellent (7 to 9):").first
    expect(next_step).to_be_visible()
    box = next_step.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert_accessible(page)
    assert_nothing_off_screen(page)
    text = page.locator("main").inner_text()
    assert "getting_there" not in text and "(getting" not in text
    assert not re.search(r"^(Excellent|Getting there):", text, re.MULTILINE)
    # Opening everything shows all of it, still without sideways scrolling.
    page.locator("main details").evaluate_all("ds => ds.forEach(d => d.open = true)")
    print(f"result page at 320 px with every section open: {height(page)} px")
    expect(page.get_by_test_id("gap-table")).to_be_visible()
    assert_accessible(page)
    assert_nothing_off_screen(page)


def test_it_shows_the_latest_round_first_on_the_trend(
    page: Page, live_server: object, organisation: Organisation, manager: Membership
) -> None:
    staff = [MembershipFactory.create(organisation=organisation) for _ in range(5)]
    for n, (name, opens) in enumerate(
        [
            ("Autumn 2025", datetime.date(2025, 9, 1)),
            ("Spring 2026", datetime.date(2026, 3, 1)),
            ("Autumn 2026", datetime.date(2026, 9, 1)),
            ("Spring 2027", datetime.date(2027, 3, 1)),
        ]
    ):
        round_ = open_round(organisation, name=name, opens_on=opens)
        for person in staff:
            fill(round_, person, 3 + n)
        if n < 3:
            services.round_close(acting_user=None, round_=round_)
    base = str(live_server)
    sign_in(page, base, manager.user.username)
    visit(page, f"{base}/assessments/trend/")
    assert_nothing_off_screen(page)
    latest = page.get_by_test_id("latest").first
    expect(latest).to_have_text("Spring 2027 (latest): 6.0")
    expect(latest).to_be_visible()
    box = latest.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 320
    # The oldest round is still there, after the latest.
    row = page.get_by_test_id("trend").locator("tbody tr").first
    expect(row).to_contain_text("Autumn 2025: 3.0")
    cells = row.locator("td").all_inner_texts()
    assert cells[1].startswith("Spring 2027") and cells[-1].startswith("Autumn 2025")


def test_it_stops_an_empty_answer_and_links_each_missing_one_from_submit(
    page: Page, live_server: object, organisation: Organisation, young_person: Membership
) -> None:
    open_round(organisation)
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/assessments/")
    page.get_by_role("button", name="Start").click()
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    first = page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Staff see what I'm good at and what I can offer"
    )

    # Moving on with nothing chosen says so, and stays put.
    page.get_by_role("button", name="Save and continue").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    message = "Choose how true this is, from 1 to 9, or choose ‘Skip for now’"
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page.locator(".govuk-error-message")).to_contain_text(message)
    expect(page).to_have_url(first)
    assert_accessible(page)
    assert_nothing_off_screen(page)
    summary.get_by_role("link", name=message).click()
    expect(page.locator("#id_value_project_0")).to_be_focused()

    # Skipping on purpose moves on without an answer.
    page.get_by_role("button", name="Skip for now").click()
    expect(page.get_by_text("2 of 8")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_value_project_6").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("3 of 8")).to_be_visible()
    page.get_by_role("button", name="Save and come back later").click()

    # Submitting with gaps lists each one, and each link opens that indicator at its answer.
    page.get_by_role("button", name="Submit").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("You cannot submit yet")
    links = summary.get_by_role("link")
    expect(links).to_have_count(7)  # all but the second indicator
    expect(links.first).to_have_text(
        "Staff see what I'm good at and what I can offer: choose how true this is"
    )
    assert_accessible(page)
    assert_nothing_off_screen(page)
    hrefs = [link.get_attribute("href") or "" for link in links.all()]
    assert all(re.search(r"/indicators/\d+/#id_value_project_0$", h) for h in hrefs), hrefs
    assert len(set(hrefs)) == 7
    links.first.click()
    expect(page).to_have_url(first + "#id_value_project_0")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Staff see what I'm good at and what I can offer"
    )
    expect(page.locator("#id_value_project_0")).to_be_in_viewport()
    assert_accessible(page)
