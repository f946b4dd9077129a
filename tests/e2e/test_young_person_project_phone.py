"""Scenario (issue 26): Fran opens her project on a 320 px phone. The short version comes first
(what it is about, whether she is in it, the next session and whether she is coming, an idea
answered), then a contents list, then the sections folded away. Staff see the projects list and
a manager the equality counts as cards, each line naming its column. Axe on every page."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from coproduce.inclusion import services as inclusion
from coproduce.organisations.models import Membership
from coproduce.projects import services
from coproduce.projects.models import Status
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = 320

# Every body cell of a cards table: how it is laid out and what comes before its text.
CELLS = """t => [...t.querySelectorAll('tbody > tr > *, tfoot td')].map(c => ({
  text: c.innerText.trim(),
  label: c.dataset.label || '',
  before: getComputedStyle(c, '::before').content,
  display: getComputedStyle(c).display,
  left: c.getBoundingClientRect().left,
  right: c.getBoundingClientRect().right,
}))"""


def _assert_cards(table: Locator, labels: set[str]) -> None:
    """Each row is a card: its cells stacked, each starting with its column's name, all inside
    the phone's width; the column headings are left for screen readers."""
    expect(table).to_be_visible()
    cells: list[dict[str, Any]] = table.evaluate(CELLS)
    assert cells, "the table has no rows"
    for cell in cells:
        assert cell["display"] == "block", cell
        assert cell["label"] in labels, cell
        assert cell["before"] == f'"{cell["label"]}: "', cell
        assert cell["left"] >= 0 and cell["right"] <= PHONE, cell
    head = table.locator("thead").bounding_box()
    assert head is not None and head["height"] <= 1
    box = table.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE


def _above(first: Locator, second: Locator) -> None:
    one, two = first.bounding_box(), second.bounding_box()
    assert one is not None and two is not None
    assert one["y"] + one["height"] <= two["y"]


def test_it_lays_out_a_young_persons_project_for_a_phone(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    skate = services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the new skate park with the council",
        in_scope="Where the ramps go",
        out_of_scope="The budget, which the council has set",
    )
    services.role_create(
        acting_user=practitioner.user,
        project=skate,
        title="Young designer",
        expectations="Come to most sessions",
        tasks="Draw ideas for the ramps",
        meeting_frequency="Every Tuesday",
        duration="Six months",
    )
    request = services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    base = str(live_server)
    sign_in(page, base, young_person.user.username)

    # Before she is in it: what it is about and her request, first.
    visit(page, f"{base}/projects/{skate.pk}/")
    summary = page.get_by_test_id("project-summary")
    expect(summary).to_contain_text("Design the new skate park with the council")
    expect(page.get_by_test_id("taking-part")).to_contain_text("You asked to join")
    expect(page.get_by_test_id("taking-part")).to_contain_text("Waiting for an answer")
    expect(page.get_by_test_id("contents").get_by_role("link", name="Coming up")).to_have_count(0)

    # She is in; a session is planned and her idea has an answer.
    services.join_request_decide(acting_user=practitioner.user, join_request=request, accept=True)
    services.session_record(
        acting_user=practitioner.user,
        project=skate,
        date=datetime.date.today() + datetime.timedelta(days=3),
        start_time=datetime.time(18, 30),
        duration_minutes=90,
        place="Youth centre",
        activity="Ramp drawings",
    )
    idea = services.idea_record(
        acting_user=young_person.user,
        project=skate,
        text="A bowl for beginners",
        source="young_person",
        author=young_person,
        owner=practitioner,
    )
    services.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status=Status.ADOPTED,
        action="The architects added a small bowl",
    )
    visit(page, f"{base}/projects/{skate.pk}/")

    # The summary first, then the contents, then the folded sections.
    contents = page.get_by_test_id("contents")
    sections = page.get_by_test_id("sections")
    expect(page.get_by_test_id("taking-part")).to_contain_text("You're in this project")
    next_session = page.get_by_test_id("next-session")
    expect(next_session).to_contain_text("Ramp drawings")
    expect(next_session).to_contain_text("18:30")
    expect(next_session).to_contain_text("We're expecting you.")
    waiting = page.get_by_test_id("waiting-for-you")
    expect(waiting).to_have_text("1 of your ideas has an answer")
    _above(summary, contents)
    _above(contents, sections)
    answer = page.get_by_text("The architects added a small bowl")
    expect(answer).to_be_hidden()
    expect(page.get_by_text("Draw ideas for the ramps")).to_be_hidden()

    # The summary's link opens her ideas; a contents link opens its section.
    waiting.get_by_role("link").click()
    expect(answer).to_be_visible()
    assert_accessible(page)
    contents.get_by_role("link", name="What you can and can't decide").click()
    expect(page.get_by_text("The budget, which the council has set")).to_be_visible()
    contents.get_by_role("link", name="Roles").click()
    expect(page.get_by_text("Draw ideas for the ramps")).to_be_visible()
    assert_accessible(page)

    # A section's own heading folds it again.
    roles = page.locator("summary", has_text="Roles")
    roles.click()
    expect(page.get_by_text("Draw ideas for the ramps")).to_be_hidden()

    # She says she can't come, straight from the summary; the summary says so.
    next_session.get_by_role("link", name="I can't come").click()
    assert_accessible(page)
    page.get_by_role("button", name="Tell them I can't come").click()
    expect(page.get_by_text("Thanks for letting us know")).to_be_visible()
    visit(page, f"{base}/projects/{skate.pk}/")
    expect(page.get_by_test_id("next-session")).to_contain_text("You said you can't come")
    expect(page.get_by_test_id("next-session").get_by_role("link")).to_have_count(0)


def test_it_shows_the_projects_list_and_equality_counts_as_cards_on_a_phone(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    manager: Membership,
    young_person: Membership,
) -> None:
    for name in ["Skate Park Design with the council and the youth forum", "Film club"]:
        services.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name=name,
            aims="x",
        )
    inclusion.equality_save(
        acting_user=young_person.user, membership=young_person, answers={"sex": "female"}
    )
    base = str(live_server)

    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/")
    _assert_cards(page.get_by_test_id("projects"), {"Project", "Stage", "Sessions"})
    expect(page.get_by_role("link", name="Film club")).to_be_visible()

    boss = another_phone()
    sign_in(boss, base, manager.user.username)
    visit(boss, f"{base}/inclusion/equality/")
    tables = boss.locator("table[data-testid^='equality-']")
    assert tables.count() > 1
    for n in range(tables.count()):
        _assert_cards(tables.nth(n), {"Answer", "Young people"})
    expect(boss.get_by_text("fewer than 5").first).to_be_visible()
