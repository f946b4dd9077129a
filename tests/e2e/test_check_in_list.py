"""Scenario: Bob keeps the check-in page open on his phone at a session; Fran checks in on her
own phone with the code, and her name appears in Bob's list without him reloading, read out
politely (role="status"). Axe on every page at 320 px (issue 26)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.credits import services as credits
from coproduce.credits import views as credit_views
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_shows_a_young_person_checking_in_without_a_reload(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(credit_views, "CHECK_IN_REFRESH_SECONDS", 1)
    base = str(live_server)
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the skate park",
    )
    session = projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=timezone.localdate(),
        duration_minutes=90,
        activity="Ramp drawings",
    )
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/credits/sessions/{session.pk}/issue/")
    status = page.get_by_role("status")
    expect(status).to_have_text("0 young people have checked in.")
    expect(page.get_by_test_id("check-ins")).to_have_text("Nobody yet.")
    expect(page.get_by_text("New check-ins appear here by themselves.")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh the list")).to_be_visible()
    page.evaluate("() => { window.notReloaded = true; }")  # gone if the page reloads

    fran = another_phone()
    sign_in(fran, base, young_person.user.username)
    fran.get_by_role("link", name="Check in to a session with a code").click()
    assert_accessible(fran)
    fran.get_by_label("Type the check-in code").fill(credits.check_in_code(session))
    fran.get_by_role("button", name="Check in").click()
    expect(fran.get_by_test_id("status")).to_contain_text("You checked in at")

    expect(page.get_by_test_id("check-ins")).to_contain_text("Fran ·", timeout=10_000)
    expect(status).to_have_text("1 young person has checked in.")
    assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"
    assert_accessible(page)

    # Checking out shows too, and the link still fetches the whole page for anyone without script.
    fran.get_by_role("button", name="Check out").click()
    expect(page.get_by_test_id("check-ins")).to_contain_text("–", timeout=10_000)
    page.get_by_role("link", name="Refresh the list").click()
    expect(page.get_by_test_id("check-ins")).to_contain_text("Fran ·")
    assert_accessible(page)
