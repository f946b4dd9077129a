"""Scenario: a young person sees credits in one unit with a running balance, confirms before
booking, is told how many more credits they need, and cancels their own booking in time."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.models import Category, Redemption, Reward
from coproduce.organisations.models import Membership
from tests.conftest import client_for

START = datetime.datetime(2026, 10, 1, 10, 0, tzinfo=datetime.UTC)


def _earn(practitioner: Membership, young_person: Membership, hours: int, key: str) -> None:
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=hours * 60,
        reason=f"Panel {key}",
        idempotency_key=key,
    )


@pytest.fixture
def trip(practitioner: Membership) -> Reward:
    return services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Cinema trip",
        price_minutes=5 * 60,
    )


def test_it_shows_prices_in_credits_and_how_many_more_are_needed(
    trip: Reward, practitioner: Membership, young_person: Membership
) -> None:
    _earn(practitioner, young_person, 2, "a")
    html = client_for(young_person).get("/credits/me/").content.decode()
    assert "Costs 5 credits" in html and "minutes of credit" not in html
    assert "You need 3 more credits." in html
    assert f"/credits/rewards/{trip.pk}/book/" not in html
    confirm = client_for(young_person).get(f"/credits/rewards/{trip.pk}/book/").content.decode()
    assert "You need 3 more credits to book this." in confirm and "Yes, book it" not in confirm


def test_it_asks_before_booking_and_books_once_confirmed(
    trip: Reward, practitioner: Membership, young_person: Membership
) -> None:
    _earn(practitioner, young_person, 7, "a")
    html = client_for(young_person).get("/credits/me/").content.decode()
    assert f"/credits/rewards/{trip.pk}/book/" in html
    confirm = client_for(young_person).get(f"/credits/rewards/{trip.pk}/book/").content.decode()
    assert "It costs" in confirm and "5 credits" in confirm and "2 credits" in confirm
    assert "Yes, book it" in confirm
    assert not Redemption.objects.filter(young_person=young_person).exists()
    client_for(young_person).post(f"/credits/rewards/{trip.pk}/book/", {"key": "k1"})
    assert Redemption.objects.filter(young_person=young_person).count() == 1
    assert sel.balance_of(young_person)[0] == 2 * 60


def test_it_shows_a_running_balance_on_the_statement(
    trip: Reward, practitioner: Membership, young_person: Membership
) -> None:
    with time_machine.travel(START, tick=False):
        _earn(practitioner, young_person, 4, "a")
    with time_machine.travel(START + datetime.timedelta(days=1), tick=False):
        _earn(practitioner, young_person, 3, "b")
    with time_machine.travel(START + datetime.timedelta(days=2), tick=False):
        services.reward_redeem(
            acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="r"
        )
    page = sel.statement_with_balance(young_person, 1)
    assert [(signed, balance) for _e, signed, balance in page] == [
        (-300, 120),
        (180, 420),
        (240, 240),
    ]


def test_the_running_balance_carries_over_to_older_pages(
    practitioner: Membership, young_person: Membership
) -> None:
    for n in range(sel.STATEMENT_PAGE + 2):
        with time_machine.travel(START + datetime.timedelta(hours=n), tick=False):
            _earn(practitioner, young_person, 1, f"e{n}")
    second = list(sel.statement_with_balance(young_person, 2))
    # The two oldest entries: after the first the balance was 1 hour, after the second 2.
    assert [balance for _e, _s, balance in second] == [120, 60]


def test_a_young_person_cancels_their_own_booking_until_the_cut_off(
    trip: Reward, practitioner: Membership, young_person: Membership, admin: Membership
) -> None:
    services.credit_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        minutes_per_credit=60,
        rounding_minutes=15,
        allow_giving=False,
        cancel_within_days=3,
    )
    _earn(practitioner, young_person, 10, "a")
    with time_machine.travel(START, tick=False):
        first = services.reward_redeem(
            acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="1"
        )
        second = services.reward_redeem(
            acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="2"
        )
    with time_machine.travel(START + datetime.timedelta(days=2), tick=False):
        html = client_for(young_person).get("/credits/me/").content.decode()
        assert f"/credits/my-bookings/{first.pk}/cancel/" in html and "until 4 October" in html
        page = client_for(young_person).get(f"/credits/my-bookings/{first.pk}/cancel/")
        assert "You will get 5 credits back" in page.content.decode()
        client_for(young_person).post(f"/credits/my-bookings/{first.pk}/cancel/")
    first.refresh_from_db()
    assert first.cancelled_at is not None
    assert sel.balance_of(young_person)[0] == 5 * 60
    refund = sel.entries_of(young_person).get(category=Category.REVERSAL)
    assert refund.reverses_id == first.entry_id
    # Too late for the second one: the link goes and the service says so.
    with time_machine.travel(START + datetime.timedelta(days=4), tick=False):
        html = client_for(young_person).get("/credits/me/").content.decode()
        assert f"/credits/my-bookings/{second.pk}/cancel/" not in html
        with pytest.raises(ValidationError, match="too late"):
            services.redemption_cancel_own(
                acting_user=young_person.user, membership=young_person, redemption=second
            )


def test_nobody_else_cancels_a_young_persons_booking_from_their_page(
    trip: Reward, practitioner: Membership, young_person: Membership
) -> None:
    from tests.factories import YoungPersonFactory

    _earn(practitioner, young_person, 10, "a")
    booking = services.reward_redeem(
        acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="1"
    )
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    url = f"/credits/my-bookings/{booking.pk}/cancel/"
    assert client_for(other).post(url).status_code == 403
    assert client_for(practitioner).post(url).status_code == 403
    booking.refresh_from_db()
    assert booking.cancelled_at is None
