"""Scenario: a council analyst reads the organisation's data through the API with a token."""

from __future__ import annotations

from django.test import Client

from coproduce.accounts.services import api_token_create, api_token_revoke
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import ServiceFactory, YoungPersonFactory


def test_it_publishes_an_openapi_schema(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Coproduce API"
    assert "/api/v1/organisation/people" in schema["paths"]


def test_it_refuses_calls_without_a_token_in_json(db: None) -> None:
    response = Client().get("/api/v1/organisation/people")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_it_answers_a_staff_token_with_its_own_organisation_only(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    ServiceFactory.create(organisation=outsider.organisation, name="Not yours")
    ServiceFactory.create(organisation=practitioner.organisation, name="Youth Forum")
    token, raw = api_token_create(
        acting_user=practitioner.user, membership=practitioner, name="sheet"
    )
    auth = {"Authorization": f"Bearer {raw}"}
    services = Client().get("/api/v1/organisation/services", headers=auth).json()
    assert [s["name"] for s in services] == ["Youth Forum"]
    people = Client().get("/api/v1/organisation/people?role=young_person", headers=auth).json()
    assert [p["username"] for p in people["items"]] == [young_person.user.username]

    api_token_revoke(acting_user=practitioner.user, token=token)
    assert Client().get("/api/v1/organisation/services", headers=auth).status_code == 401


def test_it_gives_young_people_no_api_access(young_person: Membership) -> None:
    assert client_for(young_person).get("/api/v1/organisation/people").status_code == 401


def test_it_answers_bad_input_with_a_json_error(practitioner: Membership) -> None:
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    response = Client().get(
        "/api/v1/organisation/people/not-a-number", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code in (404, 422)
    assert "detail" in response.json()


def test_it_lets_staff_create_and_revoke_tokens_in_their_account(practitioner: Membership) -> None:
    client = client_for(practitioner)
    page = client.post("/account/api-tokens/", {"name": "Monthly sheet"}).content.decode()
    raw = page.split('data-testid="new-token">')[1].split("<")[0]
    assert (
        Client()
        .get("/api/v1/organisation/services", headers={"Authorization": f"Bearer {raw}"})
        .status_code
        == 200
    )


def test_lists_come_a_page_at_a_time_and_nobody_is_left_out(
    practitioner: Membership, young_person: Membership
) -> None:
    others = YoungPersonFactory.create_batch(4, organisation=practitioner.organisation)
    _token, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    auth = {"Authorization": f"Bearer {raw}"}
    url = "/api/v1/organisation/people?role=young_person&limit=2"
    pages = [Client().get(f"{url}&offset={n}", headers=auth).json() for n in (0, 2, 4)]
    assert [page["count"] for page in pages] == [5, 5, 5]
    assert [len(page["items"]) for page in pages] == [2, 2, 1]
    seen = [p["username"] for page in pages for p in page["items"]]
    assert sorted(seen) == sorted(m.user.username for m in [young_person, *others])
    too_many = Client().get("/api/v1/organisation/people?limit=501", headers=auth)
    assert too_many.status_code == 422
