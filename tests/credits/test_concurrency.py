"""On PostgreSQL, many simultaneous spends of the same credits settle correctly."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection
from django_scopes import scopes_disabled

from coproduce.credits import services
from coproduce.credits.selectors import balance_of, verify
from coproduce.organisations.models import Membership


@pytest.mark.django_db(transaction=True)
def test_parallel_spends_succeed_exactly_as_far_as_the_balance_goes(
    practitioner: Membership, young_person: Membership
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs real concurrent connections; SQLite serialises writers (IMMEDIATE transactions)"
        )
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=5 * 60,
        reason="Forum",
        idempotency_key="seed",
    )
    trip = services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Cinema",
        price_minutes=60,
    )
    outcomes: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(12)

    def spend(i: int) -> None:
        try:
            with scopes_disabled():
                start.wait()
                try:
                    services.reward_redeem(
                        acting_user=young_person.user,
                        membership=young_person,
                        reward=trip,
                        idempotency_key=f"parallel-{i}",
                    )
                    result = "ok"
                except ValidationError as error:
                    result = " ".join(error.messages)
            with lock:
                outcomes.append(result)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=spend, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert outcomes.count("ok") == 5
    assert outcomes.count("Not enough credits for this.") == 7
    assert balance_of(young_person) == (0, 300)
    assert verify(organisation=practitioner.organisation) == []
