"""Access needs and first language reach the staff running sessions; a young person asked
too often is flagged on the register and their page, and the flag clears."""

from __future__ import annotations

import datetime
from typing import Any

import time_machine

from coproduce.inclusion import services
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

TODAY = datetime.date(2026, 11, 20)


def _weekly_sessions(practitioner: Membership, people: list[Membership], weeks: int) -> Any:
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Panel",
        aims="x",
    )
    session = None
    for week in range(weeks):
        session = projects.session_record(
            acting_user=practitioner.user,
            project=project,
            date=TODAY - datetime.timedelta(weeks=week),
            duration_minutes=60,
            activity=f"Week {week}",
        )
        projects.attendance_record(
            acting_user=practitioner.user, session=session, entries=[(p, True, 5) for p in people]
        )
    return session


def test_it_shows_access_needs_and_language_on_the_register_and_person_page(
    practitioner: Membership, young_person: Membership
) -> None:
    client = client_for(practitioner)
    response = client.post(
        f"/inclusion/people/{young_person.pk}/needs/",
        {
            "needs": ["transport", "communication"],
            "notes": "Speaks Welsh at home",
            "first_language": "welsh",
        },
    )
    assert response.status_code == 302
    person = client.get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert "Transport, Communication" in person and "Welsh" in person
    session = _weekly_sessions(practitioner, [young_person], 1)
    register = client.get(f"/projects/sessions/{session.pk}/register/").content.decode()
    assert 'data-testid="access-needs"' in register
    assert "Speaks Welsh at home" in register and "First language: Welsh" in register


def test_it_keeps_needs_from_young_people_and_outsiders(
    young_person: Membership, practitioner: Membership, outsider: Membership
) -> None:
    assert (
        client_for(young_person).get(f"/inclusion/people/{young_person.pk}/needs/").status_code
        == 403
    )
    assert (
        client_for(outsider).get(f"/inclusion/people/{young_person.pk}/needs/").status_code == 404
    )
    assert client_for(practitioner).get(
        f"/inclusion/people/{practitioner.pk}/needs/"
    ).status_code in (403, 404)


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_it_warns_when_a_young_person_is_asked_too_often_and_clears(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    session = _weekly_sessions(practitioner, [young_person], 5)  # 5 in the last 4 weeks + 1
    _weekly_sessions(practitioner, [other], 2)
    client = client_for(practitioner)
    register_url = f"/projects/sessions/{session.pk}/register/"
    person_url = f"/organisation/people/{young_person.pk}/"
    # The default limit is 6 in 4 weeks: 4 sessions fall in the last 4 weeks.
    assert 'data-testid="asked-often"' not in client.get(register_url).content.decode()
    services.settings_save(
        acting_user=manager.user,
        organisation=manager.organisation,
        ask_limit=3,
        ask_weeks=4,
        equality_basis="consent",
    )
    register = client.get(register_url).content.decode()
    assert 'data-testid="asked-often"' in register
    assert f"{young_person.user.display_name}: 4 sessions in 4 weeks" in register
    assert other.user.display_name + ":" not in register
    assert 'data-testid="asked-often"' in client.get(person_url).content.decode()
    other_page = client.get(f"/organisation/people/{other.pk}/").content.decode()
    assert 'data-testid="asked-often"' not in other_page
    # A manager raises the limit (through the settings page): the warning clears.
    response = client_for(manager).post(
        "/inclusion/settings/", {"ask_limit": "4", "ask_weeks": "4", "equality_basis": "consent"}
    )
    assert response.status_code == 302
    assert 'data-testid="asked-often"' not in client.get(register_url).content.decode()
    assert 'data-testid="asked-often"' not in client.get(person_url).content.decode()


def test_the_register_asks_a_fixed_number_of_queries(
    practitioner: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    session = _weekly_sessions(practitioner, [young_person], 1)
    for member in YoungPersonFactory.create_batch(15, organisation=practitioner.organisation):
        services.needs_save(
            acting_user=practitioner.user,
            acting_member=practitioner,
            membership=member,
            needs=["timing"],
        )
    client = client_for(practitioner)
    url = f"/projects/sessions/{session.pk}/register/"
    client.get(url)
    with django_assert_max_num_queries(40):
        assert "Timing" in client.get(url).content.decode()
