"""Scenario: at youth club Fran tells Bob something worrying. Bob records it on his phone;
Lee, the Designated Safeguarding Lead, acknowledges it on hers, refers it to children's
services and closes it; Bob sees only that it was received. Axe runs on every page at 320 px."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from coproduce.safeguarding.services import team_set
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORDS = "My stepdad locks me out at night"


def test_a_practitioner_records_a_concern_and_the_lead_acts_on_it(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    lead = MembershipFactory.create(
        organisation=practitioner.organisation,
        role=Role.PRACTITIONER,
        user__username="lee_lead",
        user__first_name="Lee",
    )
    team_set(acting_user=lead.user, organisation=lead.organisation, lead=lead, deputies=[])

    # Bob records what Fran said, in her own words.
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/safeguarding/")
    page.get_by_role("button", name="Record a concern").click()
    assert_accessible(page)
    page.get_by_label("Who is the concern about?").select_option(str(young_person.pk))
    page.get_by_role("button", name="Send to the safeguarding lead").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()  # nothing typed is lost
    assert_accessible(page)
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("9")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Time (optional)").fill("18:30")
    page.get_by_label("What did you see or hear?").fill("Fran was upset after football")
    page.get_by_label("What did they say, in their own words? (optional)").fill(WORDS)
    page.get_by_label("What did you do straight away? (optional)").fill(
        "Listened and told her I must pass it on"
    )
    page.get_by_role("button", name="Send to the safeguarding lead").click()
    expect(page.get_by_test_id("concern")).to_contain_text("Sent to the safeguarding lead")
    assert_accessible(page)
    concern_url = page.url

    # Lee, the lead, reads it, acknowledges it and acts on it.
    lee = another_phone()
    sign_in(lee, base, "lee_lead")
    visit(lee, f"{base}/safeguarding/")
    lee.get_by_role("link", name="1 Sep").or_(lee.locator("table a.govuk-link")).first.click()
    expect(lee.get_by_test_id("concern")).to_contain_text(WORDS)
    assert_accessible(lee)
    lee.get_by_role("button", name="Acknowledge").click()
    expect(lee.get_by_test_id("concern")).to_contain_text("Received by the safeguarding lead")
    assert_accessible(lee)
    lee.get_by_role("button", name="Record a decision or action").click()
    assert_accessible(lee)
    lee.get_by_label("Referral to children's services").check()
    lee.get_by_label("Day").fill("2")
    lee.get_by_label("Month").fill("9")
    lee.get_by_label("Year").fill("2026")
    lee.get_by_label("Reference number (optional)").fill("MASH-2231")
    lee.get_by_label("What was decided or done").fill("Referred to the front door")
    lee.get_by_role("button", name="Record it").click()
    expect(lee.get_by_text("MASH-2231")).to_be_visible()
    assert_accessible(lee)
    lee.get_by_role("button", name="Close the concern").click()
    assert_accessible(lee)
    lee.get_by_label("Why are you closing this concern?").fill(
        "Children's services have taken it on"
    )
    lee.get_by_role("button", name="Close the concern").click()
    expect(lee.get_by_text("Children's services have taken it on")).to_be_visible()
    assert_accessible(lee)
    lee.get_by_role("link", name="Chronology for this young person").click()
    expect(lee.get_by_role("heading", level=1)).to_contain_text("Safeguarding chronology")
    expect(lee.locator("main")).to_contain_text("MASH-2231")
    assert_accessible(lee)

    # Bob sees that it was received, and nothing of what Lee decided.
    visit(page, concern_url)
    expect(page.get_by_test_id("concern")).to_contain_text("Received by the safeguarding lead")
    expect(page.locator("main")).not_to_contain_text("MASH-2231")


def test_a_practitioner_names_herself_running_a_trip_and_prints_its_sheet(
    page: Page, live_server: object, practitioner: Membership, young_person: Membership
) -> None:
    import datetime

    from coproduce.safeguarding.services import welfare_set
    from tests.scenarios import a_project, a_session

    base = str(live_server)
    trip = a_session(
        practitioner,
        a_project(practitioner),
        [(young_person, True, None)],
        on=datetime.date(2026, 11, 20),
    )
    welfare_set(
        acting_user=practitioner.user,
        editor=practitioner,
        young_person=young_person,
        emergency_contacts="Mum 07700 900123",
        medical_conditions="",
        allergies="Peanuts",
        dietary_needs="",
        access_needs="",
        visible_to="session_staff",
    )
    sign_in(page, base, practitioner.user.username)
    visit(page, f"{base}/projects/sessions/{trip.pk}/register/")
    page.get_by_role("link", name="Change who runs this session").click()
    assert_accessible(page)
    page.get_by_label(practitioner.user.display_name).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("confidential")).to_be_visible()
    expect(page.get_by_test_id("sheet-person")).to_contain_text("Peanuts")
    assert_accessible(page)
