"""Scenario: Bob plans a trip to the coast with two young people on the register. He fills in
the risk assessment from the organisation's checklist; it cannot be marked ready until Mo, a
manager, signs it off; too few staff is flagged; Bob prints the confidential session sheet."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coproduce.organisations.models import Membership
from coproduce.projects.models import Session
from coproduce.safeguarding import services
from coproduce.safeguarding.models import RiskCheck
from coproduce.safeguarding.selectors import ratio_of, session_staff_of
from tests.conftest import client_for
from tests.factories import MembershipFactory, YoungPersonFactory
from tests.scenarios import a_project, a_session


@pytest.fixture
def trip(practitioner: Membership, young_person: Membership) -> Session:
    other = YoungPersonFactory.create(
        organisation=practitioner.organisation, user__first_name="Kai"
    )
    return a_session(
        practitioner,
        a_project(practitioner),
        [(young_person, True, None), (other, True, None)],
        on=datetime.date(2026, 11, 20),
    )


def _welfare(manager: Membership, person: Membership, allergies: str, visible_to: str) -> None:
    services.welfare_set(
        acting_user=manager.user,
        editor=manager,
        young_person=person,
        emergency_contacts=f"Contact for {allergies}",
        medical_conditions="",
        allergies=allergies,
        dietary_needs="",
        access_needs="",
        visible_to=visible_to,
    )


def test_an_unsigned_trip_cannot_be_marked_ready(
    trip: Session, practitioner: Membership, manager: Membership
) -> None:
    bob = client_for(practitioner)
    assert (
        bob.post(
            f"/safeguarding/sessions/{trip.pk}/risk/", {"is_trip": "on", "staff": [practitioner.pk]}
        ).status_code
        == 302
    )
    assessment = services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[practitioner],
    )
    bob.post(f"/safeguarding/sessions/{trip.pk}/risk/ready/")
    assessment.refresh_from_db()
    assert assessment.ready_at is None
    with pytest.raises(ValidationError):
        services.risk_assessment_mark_ready(acting_user=practitioner.user, assessment=assessment)
    with pytest.raises(PermissionDenied):  # a practitioner cannot sign it off
        services.risk_assessment_sign_off(
            acting_user=practitioner.user, manager=practitioner, assessment=assessment
        )
    with pytest.raises(ValidationError):  # nor can a manager before every item is checked
        services.risk_assessment_sign_off(
            acting_user=manager.user, manager=manager, assessment=assessment
        )
    RiskCheck.objects.filter(assessment=assessment).update(done=True)
    services.risk_assessment_sign_off(
        acting_user=manager.user, manager=manager, assessment=assessment
    )
    bob.post(f"/safeguarding/sessions/{trip.pk}/risk/ready/")
    assessment.refresh_from_db()
    assert assessment.ready_at is not None


def test_a_change_after_sign_off_needs_signing_off_again(
    trip: Session, practitioner: Membership, manager: Membership
) -> None:
    assessment = services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[practitioner],
    )
    RiskCheck.objects.filter(assessment=assessment).update(done=True)
    services.risk_assessment_sign_off(
        acting_user=manager.user, manager=manager, assessment=assessment
    )
    changed = services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[practitioner, manager],
    )
    assert changed.signed_off_at is None


def test_it_starts_from_the_organisations_own_checklist(
    trip: Session, practitioner: Membership, manager: Membership
) -> None:
    services.checklist_set(
        acting_user=manager.user,
        organisation=manager.organisation,
        items=["Tide times checked", "", "Lifeguard on duty"],
    )
    assessment = services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[],
    )
    assert [c.text for c in RiskCheck.objects.filter(assessment=assessment)] == [
        "Tide times checked",
        "Lifeguard on duty",
    ]


def test_it_flags_too_few_staff_for_the_organisations_ratio(
    trip: Session, practitioner: Membership, manager: Membership
) -> None:
    services.safeguarding_settings_set(
        acting_user=manager.user,
        organisation=manager.organisation,
        acknowledge_within_hours=24,
        retention_years=25,
        young_people_per_staff=1,
    )
    assessment = services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[practitioner],
    )
    assert ratio_of(assessment, session=trip).short
    page = client_for(practitioner).get(f"/safeguarding/sessions/{trip.pk}/risk/")
    assert "Not enough staff" in page.content.decode()
    services.risk_assessment_save(
        acting_user=practitioner.user,
        session=trip,
        is_trip=True,
        staff=[practitioner, manager],
    )
    assert not ratio_of(assessment, session=trip).short


def test_the_trip_sheet_lists_only_that_sessions_young_people(
    trip: Session, practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    stay_home = YoungPersonFactory.create(organisation=manager.organisation, user__first_name="Zed")
    kai = next(a.young_person for a in trip.attendance.all() if a.young_person != young_person)
    _welfare(manager, young_person, "Peanuts", "session_staff")
    _welfare(manager, stay_home, "Shellfish", "session_staff")
    _welfare(manager, kai, "Wasp stings", "managers")
    bob = client_for(practitioner)
    # Named on the risk assessment is not running it: no sheet for Bob yet.
    services.risk_assessment_save(
        acting_user=practitioner.user, session=trip, is_trip=True, staff=[practitioner]
    )
    assert bob.get(f"/safeguarding/sessions/{trip.pk}/sheet/").status_code == 404
    assert bob.get(f"/safeguarding/people/{young_person.pk}/welfare/").status_code == 404
    # He names himself as running it from the session's page.
    register = bob.get(f"/projects/sessions/{trip.pk}/register/").content.decode()
    assert f"/safeguarding/sessions/{trip.pk}/staff/" in register
    assert (
        bob.post(
            f"/safeguarding/sessions/{trip.pk}/staff/", {"staff": [practitioner.pk]}
        ).status_code
        == 302
    )
    text = bob.get(f"/safeguarding/sessions/{trip.pk}/sheet/").content.decode()
    assert "CONFIDENTIAL" in text
    assert "Peanuts" in text and "Shellfish" not in text and "Zed" not in text
    assert "Wasp stings" not in text and "Held by managers" in text  # kai's: managers only
    assert (
        "Wasp stings"
        in client_for(manager).get(f"/safeguarding/sessions/{trip.pk}/sheet/").content.decode()
    )
    # Bob can open the welfare page of a young person on his session, not of another.
    assert bob.get(f"/safeguarding/people/{young_person.pk}/welfare/").status_code == 200
    assert bob.get(f"/safeguarding/people/{stay_home.pk}/welfare/").status_code == 404


def test_a_sessions_register_page_links_to_its_risk_assessment(
    trip: Session, practitioner: Membership
) -> None:
    text = client_for(practitioner).get(f"/projects/sessions/{trip.pk}/register/").content.decode()
    assert f"/safeguarding/sessions/{trip.pk}/risk/" in text


def test_only_the_staff_running_a_session_see_its_welfare_information(
    trip: Session, practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    colleague = MembershipFactory.create(organisation=manager.organisation)
    _welfare(manager, young_person, "Peanuts", "session_staff")
    services.session_staff_set(
        acting_user=manager.user, editor=manager, session=trip, staff=[colleague]
    )
    assert session_staff_of(trip) == [colleague]
    ann = client_for(colleague)
    assert "Peanuts" in ann.get(f"/safeguarding/sessions/{trip.pk}/sheet/").content.decode()
    assert ann.get(f"/safeguarding/people/{young_person.pk}/welfare/").status_code == 200
    bob = client_for(practitioner)
    assert bob.get(f"/safeguarding/sessions/{trip.pk}/sheet/").status_code == 404
    # Taken off it, she no longer sees them.
    services.session_staff_set(acting_user=manager.user, editor=manager, session=trip, staff=[])
    assert ann.get(f"/safeguarding/sessions/{trip.pk}/sheet/").status_code == 404
    assert ann.get(f"/safeguarding/people/{young_person.pk}/welfare/").status_code == 404
    with pytest.raises(ValidationError):  # a young person cannot be named as staff
        services.session_staff_set(
            acting_user=manager.user, editor=manager, session=trip, staff=[young_person]
        )
