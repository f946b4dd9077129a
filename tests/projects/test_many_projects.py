"""Scenario: a county council runs hundreds of projects. The projects page and the API list
them a page at a time, by name, so neither grows with the council's size."""

from __future__ import annotations

from typing import Any

from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.scenarios import a_project


def _many(staff: Membership, count: int) -> None:
    for number in range(count):
        a_project(staff, name=f"Project {number:03d}")


def test_the_projects_page_shows_fifty_at_a_time_with_a_way_to_the_next(
    practitioner: Membership, django_assert_max_num_queries: Any
) -> None:
    _many(practitioner, 55)
    client = client_for(practitioner)
    client.get("/projects/")
    with django_assert_max_num_queries(12):
        first = client.get("/projects/").content.decode()
    assert "Project 000" in first and "Project 049" in first and "Project 050" not in first
    assert 'rel="next"' in first
    second = client.get("/projects/?page=2").content.decode()
    assert "Project 050" in second and "Project 054" in second and "Project 000" not in second
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_the_api_lists_projects_a_page_at_a_time(practitioner: Membership) -> None:
    _many(practitioner, 5)
    _token, raw = api_token_create(
        acting_user=practitioner.user, membership=practitioner, name="sheet"
    )
    auth = {"Authorization": f"Bearer {raw}"}
    page = Client().get("/api/v1/projects/?limit=2&offset=2", headers=auth).json()
    assert page["count"] == 5
    assert [p["name"] for p in page["items"]] == ["Project 002", "Project 003"]
