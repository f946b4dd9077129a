"""Scenario: a young person who gives a lot of time reads their whole statement on a phone."""

from __future__ import annotations

from coproduce.credits import services
from coproduce.organisations.models import Membership
from tests.conftest import client_for


def test_a_young_persons_statement_comes_a_page_at_a_time_and_loses_nothing(
    practitioner: Membership, young_person: Membership
) -> None:
    for n in range(1, 56):
        services.credits_award(
            acting_user=practitioner.user,
            membership=young_person,
            minutes=60,
            reason=f"Youth forum night {n:02d}",
            idempotency_key=f"forum-{n}",
        )
    phone = client_for(young_person)
    first = phone.get("/credits/me/").content.decode()
    second = phone.get("/credits/me/?page=2").content.decode()
    assert first.count("Youth forum night") == 50 and second.count("Youth forum night") == 5
    assert "Youth forum night 55" in first and "Youth forum night 01" in second  # newest first
    assert 'rel="next"' in first and 'rel="prev"' in second
