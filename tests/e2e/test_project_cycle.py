"""Scenario (issue 4): Sam starts a project, takes it round the whole cycle answering the
checklists, records a session with who came and their rung, records two ideas, answers one
'adopted' and one 'not adopted' (refused until a reason is given), and Fran sees both
outcomes on her phone. Axe runs on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.projects.checklists import CHECKLISTS, STAGE_ORDER
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_runs_a_project_round_the_cycle_and_feeds_back_to_the_young_person(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/")
    page.get_by_role("button", name="Start a project").click()
    assert_accessible(page)
    page.get_by_label("Project name in English").fill("Youth Club Redesign")
    page.get_by_label("What is the project for? in English").fill(
        "Redesign Friday club with its members"
    )
    page.get_by_label("Co-design").check()
    page.get_by_label("What young people can decide").fill("Activities and opening times")
    page.get_by_role("button", name="Start project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Youth Club Redesign")
    assert_accessible(page)

    for index, stage in enumerate(STAGE_ORDER[:-1]):
        page.get_by_role("button", name="Answer the checklist and move on").click()
        assert_accessible(page)
        for item_number, _item in enumerate(CHECKLISTS[stage]):
            # Leave the last item of the first stage open: moving on is allowed but shown.
            if index == 0 and item_number == len(CHECKLISTS[stage]) - 1:
                continue
            page.locator("fieldset").nth(item_number).get_by_label("Yes").check()
        page.get_by_label("Then move the project to").select_option(STAGE_ORDER[index + 1])
        page.get_by_role("button", name="Save checklist").click()
        if index == 0:
            expect(page.locator(".govuk-notification-banner")).to_contain_text(
                "1 checklist items still open"
            )
    # The summary comes first on the phone; the sections fold away below the contents list.
    expect(page.get_by_test_id("project-summary")).to_contain_text("Evaluation and review")

    page.get_by_role("button", name="Record a session").click()
    assert_accessible(page)
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Length in minutes").fill("90")
    page.get_by_label("What we did").fill("Design workshop")
    page.get_by_role("button", name="Save session").click()
    assert_accessible(page)
    page.get_by_label("Fran came").check()
    page.get_by_label("How much say did young people have?").select_option("6")
    page.get_by_role("button", name="Save register").click()
    # The register offers the next step, issuing credits; back to the project from there.
    expect(page.get_by_text("Now issue credits to the young people who came.")).to_be_visible()
    assert_accessible(page)
    page.locator(".govuk-back-link").click()
    expect(page.locator("table").filter(has_text="Design workshop")).to_contain_text("1")

    for text in ["Open on Saturdays", "Stay open until 11pm"]:
        page.get_by_role("button", name="Record an idea or view").click()
        assert_accessible(page)
        page.get_by_label("What did they say?").fill(text)
        page.get_by_label("Young person (optional)").select_option(label="Fran")
        page.get_by_role("button", name="Save idea").click()

    page.get_by_test_id("contents").get_by_role("link", name="You said – we did").click()
    page.locator(".cp-card", has_text="Open on Saturdays").get_by_role(
        "link", name="Answer this idea"
    ).click()
    page.get_by_label("Adopted", exact=True).check()
    page.get_by_label("What we did").fill("Saturday sessions start next month")
    page.get_by_role("button", name="Save answer").click()

    page.get_by_test_id("contents").get_by_role("link", name="You said – we did").click()
    page.locator(".cp-card", has_text="Stay open until 11pm").get_by_role(
        "link", name="Answer this idea"
    ).click()
    page.get_by_label("Not adopted").check()
    page.get_by_role("button", name="Save answer").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the idea was not adopted")
    assert_accessible(page)
    page.get_by_label("If not, why not?").fill("The building closes at 9pm")
    page.get_by_role("button", name="Save answer").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Answer saved")

    phone = another_phone()
    sign_in(phone, base, young_person.user.username)
    visit(phone, f"{base}/projects/my-ideas/")
    expect(phone.locator(".cp-card", has_text="Open on Saturdays")).to_contain_text("Adopted")
    expect(phone.locator(".cp-card", has_text="Stay open until 11pm")).to_contain_text(
        "Not adopted"
    )
    expect(phone.locator(".cp-card", has_text="Stay open until 11pm")).to_contain_text(
        "The building closes at 9pm"
    )
    visit(phone, f"{base}/projects/my-journey/")
    expect(phone.get_by_text("Rung 6 of 8")).to_be_visible()
    visit(phone, f"{base}/notifications/")
    expect(phone.get_by_text("There is news about your idea").first).to_be_visible()
