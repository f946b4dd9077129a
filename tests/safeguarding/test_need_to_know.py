"""Scenario: a disclosure is recorded about Fran. Walking every page and API route of the
product as other staff, as Fran herself and as a commissioner, nothing of it shows, and the
concern's own addresses answer 404 (like tests/tenancy/test_outsider_walk.py, from inside)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import MembershipFactory
from tests.safeguarding.helpers import a_concern, a_team
from tests.tenancy.test_outsider_walk import fill_all
from tests.tenancy.walk import World, walkable_routes

SECRETS = ["SECRET-SEEN-7741", "SECRET-WORDS-7741"]


def _text(response: Any) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body[:2] == b"PK":  # ZIP downloads and spreadsheets: look inside
        try:
            archive = zipfile.ZipFile(io.BytesIO(body))
            return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        except zipfile.BadZipFile:
            pass
    return body.decode("utf-8", errors="replace")


def _walk(member: Membership, world: World) -> list[str]:
    client = client_for(member)
    # Another app's broken page (a 500) shows nothing; only this app's must work.
    client.raise_request_exception = False
    headers: dict[str, str] = {}
    if member.can("staff") or member.role == Role.COMMISSIONER:
        _, token = api_token_create(acting_user=member.user, membership=member, name="walk")
        headers = {"Authorization": f"Bearer {token}"}
    problems = []
    for route, url in fill_all(walkable_routes(), world):
        mine = url.startswith("/safeguarding/concerns/") and "concern_id" in route.kwargs
        methods = ("get", "post") if url.startswith("/safeguarding/") else ("get",)
        for method in methods:
            extra = headers if url.startswith("/api/") else {}
            response = getattr(client, method)(url, headers=extra)
            if route.template.startswith("auth/"):
                client.force_login(member.user)
            found = [s for s in SECRETS if s in _text(response)]
            if found:
                problems.append(f"{member.role} {method.upper()} {url} showed {found}")
            if mine and response.status_code != 404:
                problems.append(
                    f"{member.role} {method.upper()} {url} answered {response.status_code}"
                )
            if url.startswith("/safeguarding/") and response.status_code >= 500:
                problems.append(f"{method.upper()} {url} answered {response.status_code}")
    return problems


@pytest.fixture
def world(
    organisation: Any, manager: Membership, practitioner: Membership, young_person: Membership
) -> World:
    admin = MembershipFactory.create(organisation=organisation, role=Role.ADMIN)
    a_team(manager)
    world = World(organisation=organisation, staff=admin, young_person=young_person)
    world.cache["the_concern"] = a_concern(
        practitioner, young_person, seen=SECRETS[0], words=SECRETS[1]
    )
    return world


@pytest.mark.parametrize("who", ["admin", "other_practitioner", "young_person", "commissioner"])
def test_it_shows_a_concern_to_no_one_without_a_need_to_know(
    world: World, commissioner: Membership, who: str
) -> None:
    member = {
        "admin": world.staff,
        "other_practitioner": MembershipFactory.create(
            organisation=world.organisation, role=Role.PRACTITIONER
        ),
        "young_person": world.young_person,
        "commissioner": commissioner,
    }[who]
    # Fill every route's kwargs with this organisation's own objects, the concern included.
    world.cache["safeguarding_concern"] = world.cache["the_concern"]
    problems = _walk(member, world)
    assert not problems, "\n".join(problems)


def test_the_walk_has_teeth(world: World, manager: Membership) -> None:
    """The lead does see it: the same walk reports the concern's pages as showing it."""
    world.cache["safeguarding_concern"] = world.cache["the_concern"]
    problems = _walk(manager, world)
    assert any("/safeguarding/concerns/" in p and "showed" in p for p in problems)


def test_a_visitor_is_sent_to_sign_in(world: World) -> None:
    concern = world.cache["the_concern"]
    response = Client().get(f"/safeguarding/concerns/{concern.pk}/")
    assert response.status_code == 302
