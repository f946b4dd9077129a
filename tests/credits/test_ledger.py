"""Scenario: Glyncoch-style time banking. An hour given is a credit; credits buy trips;
nothing anyone does, twice-clicked or concurrent, loses or invents a credit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, connection, transaction

from coproduce.credits import ledger, services
from coproduce.credits.models import Account, Entry
from coproduce.credits.selectors import balance_of, verify
from coproduce.organisations.models import Membership


def _award(staff: Membership, person: Membership, minutes: int, key: str) -> Entry:
    return services.credits_award(
        acting_user=staff.user,
        membership=person,
        minutes=minutes,
        reason="Youth forum",
        idempotency_key=key,
    )


def test_it_posts_the_same_key_once(practitioner: Membership, young_person: Membership) -> None:
    first = _award(practitioner, young_person, 60, "k1")
    again = _award(practitioner, young_person, 60, "k1")
    assert first.pk == again.pk
    assert balance_of(young_person) == (60, 60)
    assert Entry.objects.count() == 1


def test_it_refuses_a_spend_that_is_not_affordable_and_changes_nothing(
    practitioner: Membership, young_person: Membership
) -> None:
    _award(practitioner, young_person, 60, "k1")
    trip = services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Trip",
        price_minutes=120,
        places=2,
    )
    with pytest.raises(ValidationError, match="Not enough credits"):
        services.reward_redeem(
            acting_user=young_person.user,
            membership=young_person,
            reward=trip,
            idempotency_key="r1",
        )
    trip.refresh_from_db()
    assert trip.places_left == 2
    assert balance_of(young_person) == (60, 60)


def test_the_database_refuses_a_negative_balance_even_written_directly(
    young_person: Membership,
) -> None:
    account = ledger.account_of(young_person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=account.pk).update(balance=-1)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE credits_account SET balance = -5 WHERE id = %s", [account.pk])


def test_it_corrects_by_reversal_and_the_database_refuses_edits(
    practitioner: Membership, young_person: Membership
) -> None:
    entry = _award(practitioner, young_person, 90, "k1")
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(minutes=900)
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).delete()
    reversal = ledger.reverse(
        acting_user=practitioner.user, entry=entry, reason="Recorded against the wrong person"
    )
    assert reversal.reverses == entry and reversal.minutes == 90
    assert balance_of(young_person) == (0, 0)
    assert Entry.objects.count() == 2
    assert (
        ledger.reverse(acting_user=practitioner.user, entry=entry, reason="again").pk == reversal.pk
    )
    assert verify(organisation=practitioner.organisation) == []


def test_spending_does_not_undo_time_given(
    practitioner: Membership, young_person: Membership
) -> None:
    _award(practitioner, young_person, 600, "k1")
    trip = services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Trip",
        price_minutes=300,
    )
    services.reward_redeem(
        acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="r1"
    )
    assert balance_of(young_person) == (300, 600)


def test_it_books_limited_places_and_refunds_a_cancellation(
    practitioner: Membership, young_person: Membership
) -> None:
    from tests.factories import YoungPersonFactory

    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    for person in (young_person, other):
        _award(practitioner, person, 300, f"a{person.pk}")
    trip = services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Barry Island",
        price_minutes=120,
        places=1,
    )
    booking = services.reward_redeem(
        acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="r1"
    )
    with pytest.raises(ValidationError, match="places have gone"):
        services.reward_redeem(
            acting_user=other.user, membership=other, reward=trip, idempotency_key="r2"
        )
    assert balance_of(other)[0] == 300
    services.redemption_cancel(
        acting_user=practitioner.user, redemption=booking, reason="Ill on the day"
    )
    trip.refresh_from_db()
    assert trip.places_left == 1 and balance_of(young_person)[0] == 300
    services.reward_redeem(
        acting_user=other.user, membership=other, reward=trip, idempotency_key="r2"
    )
    assert verify(organisation=practitioner.organisation) == []


def test_ledger_verify_exits_non_zero_on_a_mismatch(
    practitioner: Membership, young_person: Membership
) -> None:
    _award(practitioner, young_person, 60, "k1")
    call_command("ledger-verify")
    Account.objects.filter(membership=young_person).update(balance=61)
    with pytest.raises(Exception, match="do not match"):
        call_command("ledger-verify")


def test_giving_needs_the_organisation_to_allow_it(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    from tests.factories import YoungPersonFactory

    friend = YoungPersonFactory.create(organisation=practitioner.organisation)
    _award(practitioner, young_person, 120, "k1")
    with pytest.raises(ValidationError, match="not turned on"):
        services.credits_give(
            acting_user=young_person.user,
            giver=young_person,
            receiver=friend,
            minutes=60,
            reason="Thanks",
            idempotency_key="g1",
        )
    services.credit_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        minutes_per_credit=60,
        rounding_minutes=15,
        allow_giving=True,
    )
    services.credits_give(
        acting_user=young_person.user,
        giver=young_person,
        receiver=friend,
        minutes=60,
        reason="Thanks",
        idempotency_key="g1",
    )
    assert balance_of(young_person) == (60, 120) and balance_of(friend) == (60, 0)


def test_a_young_person_gives_credits_from_their_phone(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    from tests.conftest import client_for
    from tests.factories import YoungPersonFactory

    friend = YoungPersonFactory.create(organisation=practitioner.organisation)
    _award(practitioner, young_person, 120, "k1")
    assert client_for(young_person).get("/credits/give/").status_code == 403
    services.credit_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        minutes_per_credit=60,
        rounding_minutes=15,
        allow_giving=True,
    )
    phone = client_for(young_person)
    form = {
        "receiver": friend.pk,
        "credits": "1",
        "reason": "Thanks for helping at the launch",
        "key": "abc",
    }
    phone.post("/credits/give/", form)
    phone.post("/credits/give/", form)  # a double tap gives once
    assert balance_of(young_person) == (60, 120) and balance_of(friend) == (60, 0)
    too_much = phone.post("/credits/give/", {**form, "credits": "5", "key": "def"}).content.decode()
    assert "Not enough credits" in too_much and "Thanks for helping" in too_much
