"""Scenario: young people on the Youth Club Redesign say how they are doing when they join
and three months on; staff see the before and after, never for fewer than 5 young people."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.organisations.models import Membership
from coproduce.outcomes import services
from coproduce.outcomes.measures import KEYS
from coproduce.outcomes.selectors import before_after, due_for
from coproduce.projects import services as projects
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

JOINED = datetime.datetime(2026, 3, 1, 17, tzinfo=datetime.UTC)


@pytest.fixture
def club(practitioner: Membership) -> Project:
    return projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="x",
    )


def _take_part(practitioner: Membership, project: Project, people: list[Membership]) -> None:
    session = projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 3, 1),
        duration_minutes=60,
        activity="x",
    )
    projects.attendance_record(
        acting_user=practitioner.user, session=session, entries=[(p, True, None) for p in people]
    )


def answers(value: int) -> dict[str, int]:
    return {k: value for k in KEYS}


def test_a_check_in_is_due_on_joining_then_every_ninety_days(
    practitioner: Membership, young_person: Membership, club: Project
) -> None:
    assert due_for(young_person) == []  # not taking part in anything yet
    _take_part(practitioner, club, [young_person])
    assert due_for(young_person) == [club]
    services.check_in_record(
        acting_user=young_person.user,
        young_person=young_person,
        project=club,
        answers=answers(2),
        taken_at=JOINED,
    )
    assert due_for(young_person, now=JOINED + datetime.timedelta(days=89)) == []
    assert due_for(young_person, now=JOINED + datetime.timedelta(days=90)) == [club]


def test_a_young_person_answers_on_their_phone_and_sees_their_journey(
    practitioner: Membership, young_person: Membership, club: Project
) -> None:
    _take_part(practitioner, club, [young_person])
    client = client_for(young_person)
    home = client.get("/").content.decode()
    assert "Check in for Youth Club Redesign" in home
    incomplete = client.post(f"/outcomes/projects/{club.pk}/check-in/", {"confidence": "3"})
    page = incomplete.content.decode()
    assert "I am learning skills I can use: choose an answer" in page
    assert 'value="3" checked' in page  # what was chosen is kept
    done = client.post(f"/outcomes/projects/{club.pk}/check-in/", {k: "4" for k in KEYS})
    assert done.status_code == 302
    journey = client.get("/outcomes/").content.decode()
    assert "No check-in is due" in journey and 'data-testid="journey"' in journey
    assert (
        client.get(f"/outcomes/projects/{club.pk}/check-in/").status_code == 404
    )  # not due any more


def test_only_projects_they_take_part_in(young_person: Membership, club: Project) -> None:
    with pytest.raises(ValidationError, match="projects you take part in"):
        services.check_in_record(
            acting_user=young_person.user,
            young_person=young_person,
            project=club,
            answers=answers(3),
        )


def test_staff_see_first_and_latest_averages_only_for_five_or_more(
    practitioner: Membership, club: Project
) -> None:
    people = [YoungPersonFactory.create(organisation=practitioner.organisation) for _ in range(5)]
    _take_part(practitioner, club, people)
    firsts, latests = [1, 2, 2, 3, 3], [3, 3, 4, 4, 5]
    for person, first, latest in zip(people[:4], firsts, latests, strict=False):
        services.check_in_record(
            acting_user=person.user,
            young_person=person,
            project=club,
            answers=answers(first),
            taken_at=JOINED,
        )
        services.check_in_record(
            acting_user=person.user,
            young_person=person,
            project=club,
            answers=answers(latest),
            taken_at=JOINED + datetime.timedelta(days=95),
        )
    four = before_after(club)
    assert (four.people, four.shown) == (4, False)
    page = client_for(practitioner).get(f"/outcomes/projects/{club.pk}/").content.decode()
    assert 'data-testid="too-few"' in page
    api = client_for(practitioner).get(f"/api/v1/outcomes/projects/{club.pk}").json()
    assert api["shown"] is False and api["changes"][0]["first"] is None

    last = people[4]
    services.check_in_record(
        acting_user=last.user, young_person=last, project=club, answers=answers(3), taken_at=JOINED
    )
    services.check_in_record(
        acting_user=last.user,
        young_person=last,
        project=club,
        answers=answers(5),
        taken_at=JOINED + datetime.timedelta(days=95),
    )
    five = before_after(club)
    assert (
        five.shown
        and five.changes[0].before == Decimal("2.2")
        and five.changes[0].after == Decimal("3.8")
    )
    page = client_for(practitioner).get(f"/outcomes/projects/{club.pk}/").content.decode()
    assert "<svg" in page and ">2.2<" in page and ">3.8<" in page


def test_young_people_cannot_see_a_projects_averages(
    young_person: Membership, club: Project
) -> None:
    assert client_for(young_person).get(f"/outcomes/projects/{club.pk}/").status_code == 403


def test_now_is_used_when_no_time_is_given(
    practitioner: Membership, young_person: Membership, club: Project
) -> None:
    _take_part(practitioner, club, [young_person])
    with time_machine.travel(JOINED, tick=False):
        row = services.check_in_record(
            acting_user=young_person.user,
            young_person=young_person,
            project=club,
            answers=answers(1),
        )
    assert row.taken_at == JOINED and timezone.is_aware(row.taken_at)


def test_the_home_page_names_three_check_ins_and_links_to_the_rest(
    practitioner: Membership, young_person: Membership
) -> None:
    for number in range(5):
        project = projects.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name=f"Project {number}",
            aims="x",
        )
        _take_part(practitioner, project, [young_person])
    home = client_for(young_person).get("/").content.decode()
    assert home.count("Check in for Project") == 3
    assert "and 2 more check-ins" in home and 'href="/outcomes/"' in home
    assert client_for(young_person).get("/outcomes/").content.decode().count("Project ") >= 5
