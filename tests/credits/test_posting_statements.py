"""Scenario: a youth worker awards an hour; the posting stays short, so the organisation's
shared issuing account is locked for as little time as possible, and the balances add up."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.credits import services
from coproduce.credits.models import Entry, Recognition
from coproduce.credits.selectors import balance_of, verify
from coproduce.organisations.models import Membership

# Inside a test every transaction is a savepoint, so these counts include SAVEPOINT and
# RELEASE; in production they are BEGIN and COMMIT. Before: 13 statements an award.
AWARD_STATEMENTS = 6  # savepoint, both accounts, lock + balances, insert, update, release
# On SQLite the accounts' read inside the transaction holds them already (the transaction
# holds the database): no second, locking read.
SQLITE_AWARD_STATEMENTS = 5


def _award(staff: Membership, person: Membership, minutes: int, key: str) -> Entry:
    return services.credits_award(
        acting_user=staff.user,
        membership=person,
        minutes=minutes,
        reason="Youth forum",
        idempotency_key=key,
    )


def test_an_award_takes_six_statements_and_one_lock_query(
    practitioner: Membership, young_person: Membership
) -> None:
    _award(practitioner, young_person, 11 * 60, "first")  # past the 10-hour milestone
    with CaptureQueriesContext(connection) as award:
        _award(practitioner, young_person, 60, "second")
    statements = [q["sql"] for q in award.captured_queries]
    most = SQLITE_AWARD_STATEMENTS if connection.vendor == "sqlite" else AWARD_STATEMENTS
    assert len(statements) <= most, "\n".join(statements)
    assert sum("FOR UPDATE" in s for s in statements) == (connection.vendor != "sqlite")
    assert not any("credits_recognition" in s for s in statements)
    assert balance_of(young_person) == (12 * 60, 12 * 60)
    assert verify(organisation=practitioner.organisation) == []


def test_a_replayed_award_posts_nothing_and_answers_with_the_first(
    practitioner: Membership, young_person: Membership
) -> None:
    first = _award(practitioner, young_person, 60, "tap")
    with CaptureQueriesContext(connection) as replay:
        again = _award(practitioner, young_person, 60, "tap")
    assert again.pk == first.pk
    assert len(replay) <= AWARD_STATEMENTS + 1
    assert balance_of(young_person) == (60, 60)
    assert Entry.objects.count() == 1


def test_crossing_a_milestone_checks_recognitions_once_and_makes_up_missed_ones(
    practitioner: Membership, young_person: Membership
) -> None:
    _award(practitioner, young_person, 9 * 60, "a")
    with CaptureQueriesContext(connection) as crossing:
        _award(practitioner, young_person, 20 * 60, "b")  # 29 hours: 10 and 25 at once
    checks = [q for q in crossing.captured_queries if 'FROM "credits_recognition"' in q["sql"]]
    assert len(checks) == 1
    assert sorted(Recognition.objects.values_list("hours", flat=True)) == [10, 25]
    _award(practitioner, young_person, 60, "c")
    assert Recognition.objects.count() == 2
