"""Issue 26: the register taken on a phone at 320 px. Twelve young people on one short page,
"Everyone came" in one tap (a submit button, so no script is needed), and the ladder in
plain words staff can read aloud, never "Manipulation". Axe on every page."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Attendance, Session
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in
from tests.factories import UserFactory, YoungPersonFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The page before issue 26, measured the same way (12 young people, 320 px wide): a card per
# young person with a tick box, a link and a drop-down of academic rung names.
HEIGHT_BEFORE = 3635
NAMES = [
    "Aisha Khan",
    "Bethan Morgan",
    "Callum Hughes",
    "Dylan Price",
    "Efa Roberts",
    "Ffion Davies",
    "Gethin Lewis",
    "Hana Ali",
    "Iwan Thomas",
    "Jade Evans",
    "Kai Williams",
    "Lowri Jenkins",
]


def _twelve_on_the_register(staff: Membership) -> Session:
    for name in NAMES:
        first, last = name.split()
        YoungPersonFactory.create(
            organisation=staff.organisation,
            user=UserFactory.create(preferred_name="", first_name=first, last_name=last),
        )
    project = projects.project_create(
        acting_user=staff.user, organisation=staff.organisation, name="Youth Forum", aims="x"
    )
    return projects.session_record(
        acting_user=staff.user,
        project=project,
        date=datetime.date(2026, 10, 2),
        duration_minutes=90,
        activity="Planning night",
    )


def test_staff_take_the_register_of_twelve_on_a_phone_in_one_tap(
    page: Page, live_server: object, practitioner: Membership
) -> None:
    session = _twelve_on_the_register(practitioner)
    sign_in(page, str(live_server), practitioner.user.username)
    visit(page, f"{live_server}/projects/sessions/{session.pk}/register/")

    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"register height at 320 px, 12 young people: before {HEIGHT_BEFORE}, after {height}")
    assert height < HEIGHT_BEFORE * 0.45  # well under half

    # Plain words for the session's say, which staff can read out; not the academic names.
    say = page.get_by_label("How much say did young people have?")
    for words in [
        "Young people were used, without understanding why",
        "Young people were told what to do, and why",
        "Young people had the idea and led it",
    ]:
        expect(say.locator("option", has_text=words)).to_have_count(1)
    academic = re.compile(r"manipulation|decoration|tokenism|\brung", re.IGNORECASE)
    expect(page.locator("main")).not_to_contain_text(academic)

    say.select_option(label="Adults had the idea and young people decided with them")
    page.get_by_role("button", name="Everyone came").click()
    assert_accessible(page)
    expect(page.get_by_text("Register saved. Everyone came.")).to_be_visible()
    register = page.get_by_test_id("register")
    expect(register.get_by_role("checkbox", checked=True)).to_have_count(12)
    expect(register.get_by_role("checkbox", checked=False)).to_have_count(0)
    saved = Attendance.objects.filter(session=session)
    assert saved.count() == 12
    assert {(a.attended, a.rung) for a in saved} == {(True, 6)}

    # One young person did not come after all: untick them and save again.
    register.get_by_label("Dylan Price came").uncheck()
    page.get_by_role("button", name="Save register").click()
    assert_accessible(page)
    expect(page.get_by_text("Register saved.", exact=True)).to_be_visible()
    expect(register.get_by_role("checkbox", checked=True)).to_have_count(11)
    assert Attendance.objects.filter(session=session, attended=True).count() == 11
    expect(say).to_have_value("6")

    # One young person had more say than the others: their own answer, under the fold.
    page.get_by_text("Someone had a different say").click()
    page.get_by_label("How much say Aisha Khan had").select_option(
        label="Young people had the idea and led it"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save register").click()
    expect(page.get_by_test_id("different-say")).to_have_attribute("open", "")
    assert_accessible(page)
    aisha = Attendance.objects.get(session=session, young_person__user__first_name="Aisha")
    assert aisha.rung == 7
    assert Attendance.objects.filter(session=session, attended=True, rung=6).count() == 10
