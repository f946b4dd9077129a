"""Scenario: a practitioner looks over everyone's time credits; the page costs the same however
many young people the organisation has, and lists them all, a page at a time."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.credits import services
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory


def _award_new_young_people(practitioner: Membership, count: int, start: int) -> None:
    for n in range(start, start + count):
        person = YoungPersonFactory.create(
            organisation=practitioner.organisation, user__preferred_name=f"Person {n:02d}"
        )
        services.credits_award(
            acting_user=practitioner.user,
            membership=person,
            minutes=60 + n,  # a different balance each, so the order is known
            reason="Youth forum",
            idempotency_key=f"forum-{n}",
        )


def _queries(practitioner: Membership, path: str) -> int:
    client = client_for(practitioner)
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_overview_costs_the_same_however_many_young_people(practitioner: Membership) -> None:
    _award_new_young_people(practitioner, 3, start=1)
    few = _queries(practitioner, "/credits/")
    _award_new_young_people(practitioner, 52, start=4)
    assert _queries(practitioner, "/credits/") == few


def test_the_overview_lists_everyone_highest_balance_first_a_page_at_a_time(
    practitioner: Membership,
) -> None:
    _award_new_young_people(practitioner, 55, start=1)
    client = client_for(practitioner)
    first = client.get("/credits/").content.decode()
    second = client.get("/credits/?page=2").content.decode()
    assert first.count("Person ") == 50 and second.count("Person ") == 5
    assert first.index("Person 55") < first.index("Person 54")
    assert "Person 01" in second
