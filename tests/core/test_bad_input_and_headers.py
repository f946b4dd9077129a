"""Scenario: an attacker probes lists and forms with huge numbers and NUL characters, and a
young person signs in on the youth club's shared laptop.

Bad input is a 4xx answer naming the field, never a server error; nothing a signed-in person
sees may be kept by the browser or a proxy; no page may use the camera, microphone or location.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.services import api_token_create
from coproduce.core.headers import PERMISSIONS_POLICY
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import ServiceFactory

HUGE = "99999999999999999999"


@pytest.fixture
def auth(practitioner: Membership) -> dict[str, str]:
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/organisation/people?offset={HUGE}",
        "/api/v1/organisation/people?offset=2147483648",
        f"/api/v1/organisation/people?limit={HUGE}",
        f"/api/v1/credits/balances?offset={HUGE}",
    ],
)
def test_it_refuses_a_page_beyond_any_list(auth: dict[str, str], url: str) -> None:
    refused = Client().get(url, headers=auth)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] in {"offset", "limit"}


def test_it_still_answers_an_offset_past_the_end_with_an_empty_page(
    auth: dict[str, str],
) -> None:
    page = Client().get("/api/v1/organisation/people?offset=2147483647", headers=auth)
    assert page.status_code == 200
    assert page.json()["items"] == []


def test_it_refuses_a_nul_character_in_a_query_value(auth: dict[str, str]) -> None:
    refused = Client().get("/api/v1/organisation/people?role=young%00person", headers=auth)
    assert refused.status_code == 422
    problem = refused.json()["detail"][0]
    assert problem["loc"] == ["role"] and "NUL" in problem["msg"]


def test_it_refuses_a_huge_id_in_a_choice_of_several(
    manager: Membership, young_person: Membership
) -> None:
    service = ServiceFactory.create(organisation=manager.organisation, name="Youth Forum")
    page = client_for(manager).post(
        reverse("organisations:person_edit", args=[young_person.pk]),
        {
            "first_name": "Sam",
            "last_name": "Jones",
            "role": "young_person",
            "date_of_birth_day": "1",
            "date_of_birth_month": "1",
            "date_of_birth_year": "2010",
            "services": [str(service.pk), HUGE],
            "is_active": "on",
        },
    )
    assert page.status_code == 200
    assert "is not a valid value" in page.content.decode()


def test_it_tells_the_browser_to_keep_no_copy_of_signed_in_pages(
    practitioner: Membership, auth: dict[str, str]
) -> None:
    page = client_for(practitioner).get("/")
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    answer = Client().get("/api/v1/organisation/services", headers=auth)
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "no-store"


def test_it_refuses_powerful_browser_features_on_every_page(
    db: None, practitioner: Membership
) -> None:
    for response in (
        Client().get(reverse("account_login")),
        client_for(practitioner).get("/"),
        Client().get("/api/v1/organisation/services"),
    ):
        policy = response["Permissions-Policy"]
        assert policy == PERMISSIONS_POLICY
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy
