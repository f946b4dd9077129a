"""Scenario: a young person asks to join a project; staff hear about it on their home page and
in their notifications, not only when they happen to open the project."""

from __future__ import annotations

import pytest

from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.projects import services
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import YoungPersonFactory


@pytest.fixture
def skate(practitioner: Membership) -> Project:
    return services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the new skate park with the council",
    )


def test_staff_see_who_is_waiting_to_join_on_their_home_page(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    home = client_for(practitioner).get("/").content.decode()
    assert "waiting to hear if they can join" not in home
    services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    other = YoungPersonFactory.create(organisation=skate.organisation)
    services.join_request_create(acting_user=other.user, project=skate, young_person=other)
    home = client_for(practitioner).get("/").content.decode()
    assert "2 young people are waiting to hear if they can join" in home
    assert f'href="/projects/{skate.pk}/">Skate Park Design</a>' in home
    assert "waiting to hear" not in client_for(young_person).get("/").content.decode()


def test_the_panel_goes_once_the_request_is_answered(
    skate: Project, practitioner: Membership, young_person: Membership
) -> None:
    asked = services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    services.join_request_decide(acting_user=practitioner.user, join_request=asked, accept=True)
    assert "waiting to hear" not in client_for(practitioner).get("/").content.decode()


def test_managers_and_staff_who_answered_before_are_told_of_a_new_request(
    skate: Project, manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    first = YoungPersonFactory.create(organisation=skate.organisation)
    asked = services.join_request_create(acting_user=first.user, project=skate, young_person=first)
    assert set(
        Notification.objects.filter(kind="project.join_request").values_list("recipient", flat=True)
    ) == {manager.user_id}
    services.join_request_decide(acting_user=practitioner.user, join_request=asked, accept=True)
    services.join_request_create(
        acting_user=young_person.user, project=skate, young_person=young_person
    )
    told = Notification.objects.filter(kind="project.join_request", subject__contains="Fran")
    assert {n.recipient_id for n in told} == {manager.user_id, practitioner.user_id}
    note = told.get(recipient=practitioner.user)
    assert note.subject == "Fran is asking to join Skate Park Design"
    assert note.url.startswith("/projects/join-requests/")
