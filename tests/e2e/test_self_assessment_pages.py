"""Scenario: Mo the manager looks round the self-assessment pages on a phone, and Bob's
answers save themselves as he goes. Axe runs on every page, at 320 px wide."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from coproduce.assessments.models import Round
from coproduce.organisations.models import Membership, Organisation
from tests.a11y import visit
from tests.assessments.helpers import fill, nef, open_round
from tests.e2e.test_sign_in import sign_in
from tests.factories import MembershipFactory, YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_keeps_every_self_assessment_page_accessible(
    page: Page, live_server: object, organisation: Organisation, manager: Membership
) -> None:
    round_ = open_round(organisation)
    for n in range(5):
        fill(round_, MembershipFactory.create(organisation=organisation), 3 + n)
    fill(
        round_, YoungPersonFactory.create(organisation=organisation), 9, perspective="young_people"
    )
    past = Round.objects.get(pk=round_.pk)
    base = str(live_server)
    sign_in(page, base, manager.user.username)
    version = nef(organisation)
    indicator = version.indicators.first()
    assert indicator is not None
    for path in [
        "/",
        "/assessments/",
        "/assessments/frameworks/",
        f"/assessments/frameworks/{version.pk}/",
        f"/assessments/frameworks/{version.pk}/copy/",
        "/assessments/frameworks/import/",
        "/assessments/rounds/open/",
        "/assessments/settings/",
        "/assessments/trend/",
        f"/assessments/rounds/{past.pk}/",
        f"/assessments/rounds/{past.pk}/session/",
        f"/assessments/rounds/{past.pk}/conversations/{indicator.pk}/",
    ]:
        visit(page, base + path)
    visit(page, f"{base}/assessments/rounds/{past.pk}/")
    expect(page.get_by_test_id("radar")).to_be_visible()
    expect(page.get_by_test_id("rollup")).to_contain_text("Whole organisation")


def test_it_saves_answers_as_you_go(
    page: Page, live_server: object, organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    base = str(live_server)
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/assessments/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Continue").click()
    page.locator("#id_value_practice_4").check()
    page.get_by_label("My own practice: a practical example").fill("Typed, never submitted")
    expect(page.get_by_role("status")).to_have_text("Your answers are saved as you go.")
    page.reload()
    expect(page.locator("#id_value_practice_4")).to_be_checked()
    expect(page.get_by_label("My own practice: a practical example")).to_have_value(
        "Typed, never submitted"
    )
    assert round_.pk
