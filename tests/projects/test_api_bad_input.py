"""Scenario: a careless (or hostile) client sends odd values to the projects API and forms.

Each is refused with a 4xx answer that names the field, never a server error.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership
from coproduce.projects import services
from coproduce.projects.models import Project, Session
from tests.conftest import client_for

START = datetime.datetime(2026, 10, 1, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def club(practitioner: Membership) -> Project:
    return services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign Friday club",
    )


@pytest.fixture
def auth(practitioner: Membership) -> dict[str, str]:
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    return {"Authorization": f"Bearer {raw}"}


def test_it_takes_answers_to_ideas_at_their_own_address(
    club: Project, practitioner: Membership, young_person: Membership, auth: dict[str, str]
) -> None:
    idea = services.idea_record(
        acting_user=practitioner.user,
        project=club,
        text="Open on Saturdays",
        source="session",
        author=young_person,
        group_name="",
        owner=practitioner,
        created_at=START,
    )
    answered = Client().post(
        "/api/v1/projects/responses",
        {"idea_ids": [idea.pk], "status": "adopted", "action": "Open from November"},
        content_type="application/json",
        headers=auth,
    )
    assert answered.status_code == 201, answered.content
    assert answered.json()[0]["response"]["status"] == "adopted"
    # A project id is still found at its own address.
    assert Client().get(f"/api/v1/projects/{club.pk}", headers=auth).json()["id"] == club.pk


def test_it_refuses_a_start_time_with_a_time_zone(club: Project, auth: dict[str, str]) -> None:
    refused = Client().post(
        f"/api/v1/projects/{club.pk}/sessions",
        {
            "date": "2026-09-04",
            "start_time": "10:00:00Z",
            "duration_minutes": 90,
            "activity": "Design workshop",
        },
        content_type="application/json",
        headers=auth,
    )
    assert refused.status_code == 422
    problem = refused.json()["detail"][0]
    assert "start_time" in problem["loc"] and "time zone" in problem["msg"]
    assert not Session.objects.exists()


@pytest.mark.parametrize("day", ["0633-09-04", "2205-09-04", "1989-12-31"])
def test_it_refuses_a_session_dated_in_an_implausible_year_through_the_api(
    club: Project, auth: dict[str, str], day: str
) -> None:
    refused = Client().post(
        f"/api/v1/projects/{club.pk}/sessions",
        {"date": day, "duration_minutes": 90, "activity": "Design workshop"},
        content_type="application/json",
        headers=auth,
    )
    assert refused.status_code == 422
    assert "Enter a date between 1990 and" in refused.json()["errors"]["date"][0]
    assert not Session.objects.exists()


def test_it_refuses_a_session_dated_in_an_implausible_year_on_the_form(
    club: Project, practitioner: Membership
) -> None:
    page = client_for(practitioner).post(
        f"/projects/{club.pk}/sessions/add/",
        {
            "date_day": "4",
            "date_month": "9",
            "date_year": "1066",
            "duration_minutes": "90",
            "activity": "Design workshop",
        },
    )
    assert page.status_code == 200
    assert "Enter a date between 1990 and" in page.content.decode()
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    ("where", "body"),
    [
        ("name", {"name": "Club\x00", "aims": "Redesign"}),
        ("forms", {"name": "Club", "aims": "Redesign", "forms": ["co_design\x00"]}),
    ],
)
def test_it_refuses_a_nul_character_naming_the_field(
    auth: dict[str, str], where: str, body: dict[str, object]
) -> None:
    refused = Client().post(
        "/api/v1/projects/", body, content_type="application/json", headers=auth
    )
    assert refused.status_code == 422
    problem = refused.json()["detail"][0]
    assert where in problem["loc"] and "NUL" in problem["msg"]
    assert not Project.objects.exists()
