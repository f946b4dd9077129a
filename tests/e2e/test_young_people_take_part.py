"""Scenario: Fran finds a project on her phone, asks to join and is accepted by a youth worker
on theirs; she checks in by typing the code, earns credits, gives an idea, sees its answer on
the board, books a reward and cancels it, adds a quote to the session and downloads her
story. Axe on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from coproduce.projects import selectors as project_sel
from coproduce.projects import services as projects
from tests.a11y import assert_accessible, visit
from tests.documents import pdf_text
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_young_person_takes_part_from_joining_to_spending(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    skate = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the new skate park with the council",
    )
    projects.role_create(
        acting_user=practitioner.user,
        project=skate,
        title="Young designer",
        expectations="Come to most sessions",
        tasks="Draw ideas for the ramps",
        meeting_frequency="Every Tuesday",
        duration="Six months",
        rewards=["credits"],
    )
    credits.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Cinema ticket",
        price_minutes=60,
    )

    # Fran finds the project and asks to join.
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/")
    page.get_by_role("link", name="Get involved: find a project").click()
    assert_accessible(page)
    expect(page.get_by_text("Draw ideas for the ramps")).to_be_visible()
    page.get_by_role("button", name="I'm interested Skate Park Design").click()
    assert_accessible(page)
    page.get_by_label("Young designer").check()
    page.get_by_role("button", name="Ask to join").click()
    assert_accessible(page)
    expect(page.get_by_text("Waiting for an answer")).to_be_visible()

    # A youth worker accepts on their phone.
    staff = another_phone()
    sign_in(staff, base, practitioner.user.username)
    visit(staff, f"{base}/projects/{skate.pk}/")
    staff.get_by_test_id("join-requests").get_by_role("link").click()
    assert_accessible(staff)
    staff.get_by_label("Accept").check()
    staff.get_by_label("Message to the young person").fill("Welcome to the team!")
    staff.get_by_role("button", name="Save answer").click()
    assert_accessible(staff)

    # Today's session: staff show the code, Fran types it.
    session = projects.session_record(
        acting_user=practitioner.user,
        project=skate,
        date=timezone.localdate(),
        duration_minutes=120,
        activity="Ramp drawings",
    )
    visit(staff, f"{base}/projects/sessions/{session.pk}/register/")
    staff.get_by_role("link", name="Check-in QR code, typed code and credits").click()
    assert_accessible(staff)
    code = staff.get_by_test_id("check-in-code").inner_text().strip()

    visit(page, f"{base}/")
    page.get_by_role("link", name="Check in to a session with a code").click()
    assert_accessible(page)
    page.get_by_label("Type the check-in code").fill(code.lower())
    page.get_by_role("button", name="Check in").click()
    assert_accessible(page)
    expect(page.get_by_test_id("status")).to_contain_text("You checked in at")

    staff.reload()
    expect(staff.get_by_test_id("check-ins")).to_contain_text(young_person.user.display_name)
    staff.get_by_role("button", name="Confirm attendance and issue credits").click()
    assert_accessible(staff)

    visit(page, f"{base}/credits/me/")
    expect(page.get_by_test_id("balance")).to_have_text("2 credits")

    # Fran gives an idea; staff answer it; she sees it on the board.
    visit(page, f"{base}/projects/my-ideas/")
    page.get_by_role("button", name="Give an idea").click()
    assert_accessible(page)
    page.get_by_label("Which project is it for?").select_option(label="Skate Park Design")
    page.get_by_label("Your idea").fill("A bowl for beginners")
    page.get_by_role("button", name="Send my idea").click()
    assert_accessible(page)
    idea = project_sel.ideas_of(membership=young_person).get()
    projects.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status="adopted",
        action="The architects added a small bowl",
    )
    visit(page, f"{base}/projects/my-ideas/")
    page.get_by_role("link", name="Skate Park Design").click()
    assert_accessible(page)
    expect(page.get_by_text("The architects added a small bowl")).to_be_visible()

    # She books a reward, checking first, then cancels it.
    visit(page, f"{base}/credits/me/")
    page.get_by_role("button", name="Book Cinema ticket").click()
    assert_accessible(page)
    expect(page.get_by_test_id("left")).to_have_text("1 credit")
    page.get_by_role("button", name="Yes, book it").click()
    assert_accessible(page)
    expect(page.get_by_test_id("balance")).to_have_text("1 credit")
    page.get_by_role("link", name="Cancel Cinema ticket").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, cancel it").click()
    assert_accessible(page)
    expect(page.get_by_test_id("balance")).to_have_text("2 credits")
    expect(page.get_by_text("cancelled, credits given back")).to_be_visible()

    # She adds a quote to the session she came to; it waits for a youth worker.
    visit(page, f"{base}/projects/{skate.pk}/")
    page.get_by_role("link", name="Add a photo or quote (Ramp drawings").click()
    assert_accessible(page)
    page.get_by_label("Something I said").check()
    page.get_by_label("Say what it shows, in a few words").fill("Why a bowl")
    page.get_by_label("What you said").fill("Beginners need somewhere safe to start")
    page.get_by_role("button", name="Send it").click()
    assert_accessible(page)
    expect(page.get_by_test_id("media-added")).to_contain_text("Waiting to be checked")

    # She downloads her story for a college application.
    visit(page, f"{base}/story/")
    expect(page.get_by_text("Skate Park Design").first).to_be_visible()
    page.get_by_role("button", name="Download as a PDF").click()
    # The worker makes it while a page waits, then offers it.
    expect(page.get_by_role("heading", level=1)).to_have_text("Your file is being prepared")
    assert_accessible(page)
    call_command("worker", "--once")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your file is ready", timeout=15_000)
    story = page.request.get(f"{page.url}download")
    assert story.ok and story.headers["content-type"] == "application/pdf"
    assert "Skate Park Design" in pdf_text(story.body())
