"""Scenario: a youth worker awards time again and again. The award runs on the database
driver's own cursor when nobody is watching the statements, in three statements, and each
young person's time reaches their own account and nobody else's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coproduce.credits import ledger, services
from coproduce.credits.models import Account, Entry
from coproduce.credits.selectors import balance_of, verify
from coproduce.organisations.models import Membership, Organisation
from tests.factories import YoungPersonFactory


def _award(staff: Membership, person: Membership, minutes: int, key: str, **more: str) -> Entry:
    return services.credits_award(
        acting_user=staff.user,
        membership=person,
        minutes=minutes,
        reason=more.get("reason", "Youth forum"),
        idempotency_key=key,
        category=more.get("category", "award"),
        partner_name=more.get("partner_name", ""),
    )


@contextmanager
def _sqlite_statements() -> Iterator[list[str]]:
    """Every statement SQLite runs, whichever cursor sent it (Django's query log only sees
    Django's cursor)."""
    connection.ensure_connection()
    seen: list[str] = []
    connection.connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.connection.set_trace_callback(None)


def test_an_award_on_the_drivers_cursor_runs_three_statements(
    practitioner: Membership, young_person: Membership
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("counts statements with SQLite's trace callback")
    _award(practitioner, young_person, 60, "first")  # makes the young person's account
    with _sqlite_statements() as statements:
        entry = _award(practitioner, young_person, 90, "second")
    # SQLite traces a statement again for each trigger it sets off (the session-time
    # summary's): count each statement once.
    runs = [s for i, s in enumerate(statements) if i == 0 or s != statements[i - 1]]
    posting = [s for s in runs if not s.startswith(("SAVEPOINT", "RELEASE"))]
    # Read (and so hold) both accounts by id, insert the entry once, update both balances.
    assert len(posting) == 3, "\n".join(statements)
    assert posting[0].startswith("SELECT") and "membership_id = " in posting[0]
    assert posting[1].startswith('INSERT INTO "credits_entry"')
    assert posting[2].startswith('UPDATE "credits_account"')
    assert connection.queries_log == type(connection.queries_log)()  # not Django's cursor
    assert entry.pk == Entry.objects.get(idempotency_key="second").pk
    assert entry.credit_id == ledger.account_of(young_person).pk
    assert balance_of(young_person) == (150, 150)


def test_awards_to_several_young_people_each_reach_their_own_account(
    practitioner: Membership, young_person: Membership, organisation: Organisation
) -> None:
    other = YoungPersonFactory.create(organisation=organisation)
    newcomer = YoungPersonFactory.create(organisation=organisation)
    for n in range(3):
        _award(practitioner, young_person, 60, f"a{n}")
        _award(practitioner, other, 30, f"b{n}")
    assert not Account.objects.filter(membership=newcomer).exists()
    entry = _award(practitioner, newcomer, 45, "c")  # their first: the account is made
    assert entry.credit_id == ledger.account_of(newcomer).pk
    assert balance_of(young_person) == (180, 180)
    assert balance_of(other) == (90, 90)
    assert balance_of(newcomer) == (45, 45)
    issuing = ledger.issuing_account(organisation)
    issuing.refresh_from_db()
    assert issuing.balance == -(180 + 90 + 45)
    assert verify(organisation=organisation) == []


def test_the_award_returned_is_the_one_stored(
    practitioner: Membership, young_person: Membership
) -> None:
    entry = _award(practitioner, young_person, 75, "k", reason="Litter pick")
    again = _award(practitioner, young_person, 75, "k", reason="Litter pick")
    stored = Entry.objects.get(pk=entry.pk)
    for name in ("minutes", "category", "reason", "idempotency_key", "created_at"):
        assert getattr(entry, name) == getattr(stored, name) == getattr(again, name)
    assert entry.acting_user == practitioner.user
    assert (entry.debit_id, entry.credit_id) == (stored.debit_id, stored.credit_id)


@pytest.mark.parametrize(
    ("minutes", "more", "message"),
    [
        (0, {}, "Enter a number of minutes above zero"),
        (60, {"reason": "x" * 301}, "at most 300 characters"),
        (60, {"category": "made_up"}, "is not a valid choice"),
        (60, {"category": "partner", "partner_name": "y" * 201}, "at most 200 characters"),
    ],
)
def test_fields_the_entry_does_not_allow_are_refused_and_nothing_is_posted(
    practitioner: Membership,
    young_person: Membership,
    minutes: int,
    more: dict[str, str],
    message: str,
) -> None:
    with pytest.raises(ValidationError, match=message):
        _award(practitioner, young_person, minutes, "bad", **more)
    assert not Entry.objects.exists()
    assert verify(organisation=practitioner.organisation) == []


def test_a_key_longer_than_the_column_is_refused(
    practitioner: Membership, young_person: Membership
) -> None:
    with pytest.raises(ValidationError, match="at most 120 characters"):
        _award(practitioner, young_person, 60, "k" * 121)
    assert not Entry.objects.exists()
