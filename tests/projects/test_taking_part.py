"""Scenario: a young person finds a project, asks to join, is accepted, sees their sessions,
says when they can't come, gives their own idea and follows it to the board."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.models import JoinRequest, JoinStatus, Project, Status
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

TODAY = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _today() -> object:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def skate(practitioner: Membership) -> Project:
    project = services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the new skate park with the council",
    )
    services.role_create(
        acting_user=practitioner.user,
        project=project,
        title="Young designer",
        expectations="Come to most sessions",
        skills="Drawing, listening",
        tasks="Draw ideas for the ramps and talk to the architects",
        meeting_frequency="Every other Tuesday",
        duration="Six months",
        rewards=["credits", "accreditation"],
        reward_notes="An AQA unit award",
    )
    return project


def _accepted(practitioner: Membership, young_person: Membership, project: Project) -> JoinRequest:
    request = services.join_request_create(
        acting_user=young_person.user, project=project, young_person=young_person
    )
    return services.join_request_decide(
        acting_user=practitioner.user, join_request=request, accept=True, reply="Welcome!"
    )


def test_it_lists_projects_and_roles_in_plain_words_for_young_people(
    skate: Project, young_person: Membership
) -> None:
    page = client_for(young_person).get("/projects/get-involved/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Skate Park Design" in html and "Young designer" in html
    assert "What you'd do" in html and "Draw ideas for the ramps" in html
    assert "Every other Tuesday" in html and "Six months" in html
    assert "Time credits, Accreditation" in html and "An AQA unit award" in html
    assert "I'm interested" in html


def test_it_lets_a_young_person_ask_to_join_and_staff_accept_with_a_message(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    role = skate.roles.get()
    page = client_for(young_person).post(
        f"/projects/{skate.pk}/join/", {"role": str(role.pk), "message": "I love skating"}
    )
    assert page.status_code == 302
    request = JoinRequest.objects.get(young_person=young_person)
    assert request.status == JoinStatus.WAITING and request.role == role
    # Asking twice is refused in words.
    again = client_for(young_person).post(f"/projects/{skate.pk}/join/", {"message": ""})
    assert "already asked to join" in again.content.decode()

    staff_page = client_for(practitioner).get(f"/projects/{skate.pk}/").content.decode()
    assert "Asking to join" in staff_page and young_person.user.display_name in staff_page
    answer_page = client_for(practitioner).get(f"/projects/join-requests/{request.pk}/")
    assert "Young designer" in answer_page.content.decode()
    assert "I love skating" in answer_page.content.decode()
    # The young person cannot answer their own request.
    assert client_for(young_person).get(f"/projects/join-requests/{request.pk}/").status_code == 403
    client_for(practitioner).post(
        f"/projects/join-requests/{request.pk}/", {"decision": "accept", "reply": "See you!"}
    )
    request.refresh_from_db()
    assert request.status == JoinStatus.ACCEPTED and request.decided_by == practitioner.user
    told = Notification.objects.get(recipient=young_person.user, kind="project.join")
    assert "Skate Park Design" in told.subject and told.body == "See you!"
    assert list(selectors.projects_of(membership=young_person)) == [skate]
    mine = client_for(young_person).get("/projects/get-involved/").content.decode()
    assert "Your projects" in mine and "You are not in a project yet" not in mine


def test_it_needs_a_message_to_decline_and_lets_them_ask_again_later(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    request = services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    page = client_for(practitioner).post(
        f"/projects/join-requests/{request.pk}/", {"decision": "decline", "reply": ""}
    )
    assert "Say why not" in page.content.decode()
    services.join_request_decide(
        acting_user=practitioner.user,
        join_request=request,
        accept=False,
        reply="The group is full. Try the film project?",
    )
    html = client_for(young_person).get("/projects/get-involved/").content.decode()
    assert "Not this time" in html and "Try the film project?" in html
    assert not selectors.is_in_project(membership=young_person, project=skate)
    services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )


def test_it_shows_a_young_person_only_the_project_pages_meant_for_them(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    outside = client_for(young_person).get(f"/projects/{skate.pk}/").content.decode()
    assert "Skate Park Design" in outside and "I'm interested" in outside
    assert "Answer the checklist" not in outside and "Coming up" not in outside
    assert client_for(young_person).get(f"/projects/{skate.pk}/board/").status_code == 403
    _accepted(practitioner, young_person, skate)
    inside = client_for(young_person).get(f"/projects/{skate.pk}/").content.decode()
    assert "in this project" in inside and "Coming up" in inside
    assert "Answer the checklist" not in inside
    assert client_for(young_person).get(f"/projects/{skate.pk}/board/").status_code == 200
    # Staff pages of the project stay staff's.
    assert client_for(young_person).get(f"/projects/{skate.pk}/change/").status_code == 403


def test_it_lists_upcoming_sessions_with_a_calendar_file_and_takes_apologies(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    _accepted(practitioner, young_person, skate)
    soon = services.session_record(
        acting_user=practitioner.user,
        project=skate,
        date=datetime.date(2026, 10, 6),
        start_time=datetime.time(18, 30),
        duration_minutes=90,
        place="Youth centre, Room 2",
        activity="Ramp drawings",
    )
    services.session_record(
        acting_user=practitioner.user,
        project=skate,
        date=datetime.date(2026, 9, 1),
        duration_minutes=60,
        activity="Long ago",
    )
    html = client_for(young_person).get("/projects/get-involved/").content.decode()
    assert "Ramp drawings" in html and "Long ago" not in html
    ics = client_for(young_person).get(f"/projects/sessions/{soon.pk}/calendar.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    # 18:30 in London during summer time is 17:30 UTC; 90 minutes long.
    assert "DTSTART:20261006T173000Z" in body and "DTEND:20261006T190000Z" in body
    assert "SUMMARY:Skate Park Design: Ramp drawings" in body
    assert "LOCATION:Youth centre\\, Room 2" in body and body.endswith("\r\n")

    client_for(young_person).post(f"/projects/sessions/{soon.pk}/cant-come/")
    assert [a.young_person for a in selectors.apologies_for(session=soon)] == [young_person]
    html = client_for(young_person).get("/projects/get-involved/").content.decode()
    assert "You said you can't come" in html

    stranger = YoungPersonFactory.create(organisation=practitioner.organisation)
    assert client_for(stranger).get(f"/projects/sessions/{soon.pk}/calendar.ics").status_code == 403
    assert client_for(stranger).post(f"/projects/sessions/{soon.pk}/cant-come/").status_code == 403


def test_it_lets_a_young_person_give_an_idea_and_follow_it_to_the_board(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    before = client_for(young_person).get("/projects/my-ideas/add/").content.decode()
    assert "The whole organisation" in before and "Skate Park Design" not in before
    _accepted(practitioner, young_person, skate)
    assert "Give an idea" in client_for(young_person).get("/projects/my-ideas/").content.decode()
    page = client_for(young_person).post(
        "/projects/my-ideas/add/", {"project": str(skate.pk), "text": "A bowl for beginners"}
    )
    assert page.status_code == 302
    idea = selectors.ideas_of(membership=young_person).get()
    assert idea.owner == practitioner and idea.source == "young_person"
    assert idea.recorded_by == young_person.user
    services.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status=Status.NOT_ADOPTED,
        reason="The council has no room for a bowl",
    )
    board = client_for(young_person).get(f"/projects/{skate.pk}/board/").content.decode()
    assert "A bowl for beginners" in board and "The council has no room for a bowl" in board


def test_it_refuses_an_idea_for_a_project_the_young_person_is_not_in(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    other = services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Film",
        aims="A film",
    )
    _accepted(practitioner, young_person, skate)
    page = client_for(young_person).post(
        "/projects/my-ideas/add/", {"project": str(other.pk), "text": "Sneaky"}
    )
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()
    with pytest.raises(ValidationError):
        services.idea_give(
            acting_user=young_person.user, project=other, young_person=young_person, text="Hi"
        )
