"""Inclusion on phones: a young person answers equality questions (any may be skipped); staff
record access needs, a payment and see the register's needs and the equality counts. Axe on
every page at 320 px."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coproduce.inclusion import services
from coproduce.inclusion.models import EqualityProfile, Payment
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.a11y import assert_accessible, visit
from tests.e2e.test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_inclusion_pages_work_on_a_phone(
    page: Page,
    another_phone: Callable[[], Page],
    live_server: object,
    practitioner: Membership,
    manager: Membership,
    young_person: Membership,
) -> None:
    base = str(live_server)
    sign_in(page, base, young_person.user.username)
    visit(page, f"{base}/inclusion/about-you/")
    page.get_by_label("Yes", exact=True).first.check()
    page.get_by_label("The first half of your postcode (optional)").fill("cf37")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers are saved")).to_be_visible()
    assert EqualityProfile.objects.get(membership=young_person).postcode_district == "CF37"

    staff = another_phone()
    sign_in(staff, base, practitioner.user.username)
    visit(staff, f"{base}/inclusion/people/{young_person.pk}/needs/")
    staff.get_by_label("Transport").check()
    staff.get_by_label("More about what helps (optional)").fill("Lives out of town")
    staff.get_by_role("button", name="Save").click()
    expect(staff.get_by_text("Lives out of town")).to_be_visible()
    visit(staff, f"{base}/organisation/people/{young_person.pk}/")
    project = projects.project_create(
        acting_user=practitioner.user, organisation=practitioner.organisation, name="Club", aims="x"
    )
    session = projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 10, 2),
        duration_minutes=60,
        activity="Games",
    )
    visit(staff, f"{base}/projects/sessions/{session.pk}/register/")
    expect(staff.get_by_text("Lives out of town")).to_be_visible()
    visit(staff, f"{base}/inclusion/payments/add/?young_person={young_person.pk}")
    staff.get_by_label("Travel refund").check()
    staff.get_by_label("What was it for?").fill("Bus fares")
    staff.get_by_label("Amount in pounds").fill("6.40")
    staff.get_by_label("Day").fill("2")
    staff.get_by_label("Month").fill("10")
    staff.get_by_label("Year").fill("2026")
    staff.get_by_role("button", name="Record payment").click()
    visit(staff, f"{base}/inclusion/payments/")
    expect(staff.get_by_text("Travel refund: Bus fares")).to_be_visible()
    assert Payment.objects.get(young_person=young_person).amount_pence == 640
    visit(staff, f"{base}/inclusion/people/import/")

    for member in [young_person]:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"sex": "female"}
        )
    boss = another_phone()
    sign_in(boss, base, manager.user.username)
    visit(boss, f"{base}/inclusion/payments/")
    visit(boss, f"{base}/inclusion/equality/")
    expect(boss.get_by_text("fewer than 5").first).to_be_visible()
    visit(boss, f"{base}/inclusion/settings/")


def test_importing_people_with_a_preview_and_inviting_on_a_phone(
    page: Page, live_server: object, manager: Membership, young_person: Membership, tmp_path: Path
) -> None:
    """A manager uploads young people and staff, checks every row, then adds them; sees who
    to invite next, with the under-13s marked. Axe on each page at 320 px."""
    base = str(live_server)
    today = datetime.date.today()
    born = today.replace(year=today.year - 12, day=1).isoformat()
    upload = tmp_path / "people.csv"
    upload.write_text(
        "first_name,last_name,date_of_birth,email,role\n"
        f"Nia,Hughes,{born},,\n"
        "Dai,Evans,,dai@example.org,practitioner\n",
        encoding="utf-8",
    )
    sign_in(page, base, manager.user.username)
    visit(page, f"{base}/inclusion/people/import/")
    page.get_by_label("Spreadsheet (CSV or Excel .xlsx)").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("2 people will be added. Nobody has been added yet.")).to_be_visible()
    assert_accessible(page)
    assert not Membership.objects.filter(user__first_name="Nia").exists()
    page.get_by_role("button", name="Add them all").click()
    expect(page.get_by_text("2 people added.")).to_be_visible()
    assert Membership.objects.get(user__first_name="Dai").role == "practitioner"
    visit(page, f"{base}/inclusion/who-to-ask/")
    expect(page.get_by_text("Under 13").first).to_be_visible()
