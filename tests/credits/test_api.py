"""Scenario: a council analyst reads balances and statements through the API, and a partner
system awards credits without ever awarding the same hour twice."""

from __future__ import annotations

from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.credits import services
from coproduce.organisations.models import Membership
from tests.factories import YoungPersonFactory


def _auth(staff: Membership) -> dict[str, str]:
    _token, raw = api_token_create(acting_user=staff.user, membership=staff, name="sheet")
    return {"Authorization": f"Bearer {raw}"}


def test_balances_come_highest_first_a_page_at_a_time(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    quiet = YoungPersonFactory.create(organisation=practitioner.organisation)
    busy = YoungPersonFactory.create(organisation=practitioner.organisation)
    for person, minutes in ((young_person, 60), (busy, 180), (quiet, 30)):
        services.credits_award(
            acting_user=practitioner.user,
            membership=person,
            minutes=minutes,
            reason="Youth forum",
            idempotency_key=f"forum-{person.pk}",
        )
    auth = _auth(practitioner)
    first = Client().get("/api/v1/credits/balances?limit=2", headers=auth).json()
    rest = Client().get("/api/v1/credits/balances?limit=2&offset=2", headers=auth).json()
    assert first["count"] == 3
    rows = first["items"] + rest["items"]
    assert [(r["membership_id"], r["balance_minutes"]) for r in rows] == [
        (busy.pk, 180),
        (young_person.pk, 60),
        (quiet.pk, 30),
    ]
    assert rows[0]["time_given_minutes"] == 180
    assert Client().get("/api/v1/credits/balances", headers=_auth(outsider)).json()["count"] == 0


def test_an_award_through_the_api_posts_once_and_shows_on_the_statement(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    auth = _auth(practitioner)
    award = {
        "membership_id": young_person.pk,
        "minutes": 90,
        "reason": "Helped at the youth club open day",
        "idempotency_key": "open-day-2026",
    }
    first = Client().post("/api/v1/credits/awards", award, "application/json", headers=auth)
    again = Client().post("/api/v1/credits/awards", award, "application/json", headers=auth)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    url = f"/api/v1/credits/people/{young_person.pk}/entries"
    statement = Client().get(url, headers=auth).json()
    assert statement["count"] == 1
    assert statement["items"][0]["minutes"] == 90
    assert Client().get(url, headers=_auth(outsider)).status_code == 404
