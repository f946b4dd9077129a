"""Posting to the ledger: the one place balances change.

- Each posting is one Entry (debit → credit) and two balance updates, in one transaction.
- Both accounts are locked by one SELECT … FOR UPDATE that also reads their balances; a
  spend that cannot be afforded is refused under that lock and changes nothing, even under
  concurrency. The database's CHECK constraint (no negative balance for young people) is
  the last line of defence.
- Accounts are locked in ascending primary-key order, so two postings never deadlock.
- An idempotency key, unique per organisation, makes posting the same thing twice post once:
  the unique constraint decides in the insert itself (ON CONFLICT DO NOTHING).
- Time given (`earn`) is the busiest posting: three statements on the driver's own cursor.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.db.transaction import TransactionManagementError
from django.utils.translation import gettext as _

from coproduce.credits import ledger_sql
from coproduce.credits.models import (
    EARNING,
    MINUTES_PER_HOUR,
    Account,
    AccountKind,
    Category,
    Entry,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


class NotEnoughCredits(ValidationError):
    def __init__(self) -> None:
        super().__init__(_("Not enough credits for this."), code="not_enough_credits")


def issuing_account(organisation: Organisation) -> Account:
    account = Account.objects.filter(organisation=organisation, kind=AccountKind.ISSUING).first()
    if account is None:
        try:
            with transaction.atomic():
                account = Account.objects.create(
                    organisation=organisation, kind=AccountKind.ISSUING
                )
        except IntegrityError:
            account = Account.objects.get(organisation=organisation, kind=AccountKind.ISSUING)
    return account


def account_of(membership: Membership) -> Account:
    if not membership.is_young_person:
        raise ValidationError(_("Only young people hold credits"))
    account = Account.objects.filter(membership=membership).first()
    if account is None:
        try:
            with transaction.atomic():
                account = Account.objects.create(
                    organisation=membership.organisation,
                    kind=AccountKind.YOUNG_PERSON,
                    membership=membership,
                )
        except IntegrityError:
            account = Account.objects.get(membership=membership)
    return account


def _existing(organisation_id: int, idempotency_key: str) -> Entry | None:
    return Entry.objects.filter(
        organisation_id=organisation_id, idempotency_key=idempotency_key
    ).first()


def check_entry(
    *, minutes: int, category: str, reason: str, idempotency_key: str, partner_name: str = ""
) -> None:
    """Refuse an entry that its fields do not allow, with the field checks' own messages.
    Foreign keys are left to the database, which enforces them."""
    if minutes <= 0:
        raise ValidationError(_("Enter a number of minutes above zero"))
    if not reason.strip():
        raise ValidationError(_("Give a reason"))
    if not ledger_sql.fields_fit(
        minutes=minutes,
        category=category,
        reason=reason,
        partner_name=partner_name,
        idempotency_key=idempotency_key,
    ):
        checked = {"minutes", "category", "reason", "partner_name", "idempotency_key"}
        Entry(
            minutes=minutes,
            category=category,
            reason=reason,
            partner_name=partner_name,
            idempotency_key=idempotency_key,
        ).full_clean(
            exclude=[f.name for f in Entry._meta.fields if f.name not in checked],
            validate_unique=False,
            validate_constraints=False,
        )


def post(
    *,
    acting_user: User,
    debit: Account,
    credit: Account,
    minutes: int,
    category: str,
    reason: str,
    idempotency_key: str,
    session_id: int | None = None,
    partner_name: str = "",
    reverses: Entry | None = None,
) -> Entry:
    """Post one entry. Returns the existing entry when the key was already used.

    Three statements: lock both accounts (reading their balances), insert the entry
    (the idempotency key's unique constraint decides in the insert), update both balances.
    On return `debit` and `credit` carry the balances as posted, so callers need not re-read.
    """
    if debit.organisation_id != credit.organisation_id:
        raise ValidationError(_("Both accounts must belong to the same organisation"))
    # Checked before the transaction, so the accounts stay locked for the statements alone.
    check_entry(
        minutes=minutes,
        category=category,
        reason=reason,
        idempotency_key=idempotency_key,
        partner_name=partner_name,
    )
    entry = Entry(
        organisation_id=debit.organisation_id,
        debit=debit,
        credit=credit,
        minutes=minutes,
        category=category,
        reason=reason,
        idempotency_key=idempotency_key,
        acting_user=acting_user,
        session_id=session_id,
        partner_name=partner_name,
        reverses=reverses,
    )
    earned = minutes if entry.category in EARNING else 0
    affordable = True
    # No savepoint: nothing below is caught inside this block, and a failure must undo the
    # caller's whole transaction anyway.
    with transaction.atomic(savepoint=False):
        connection = connections[router.db_for_write(Entry)]
        cursor, sql = ledger_sql.cursor_for(connection)
        try:
            with connection.wrap_database_errors:
                # One statement locks both accounts in ascending primary-key order (no
                # deadlocks) and returns the balances to check and to report back.
                cursor.execute(sql.lock, sorted([debit.pk, credit.pk]))
                locked = {row[0]: row[1:] for row in cursor.fetchall()}
                kind, debit_balance, debit_lifetime = locked[debit.pk]
                _kind, credit_balance, credit_lifetime = locked[credit.pk]
                if kind != AccountKind.ISSUING and debit_balance < minutes:
                    affordable = False
                else:
                    entry_id = ledger_sql.insert_once(
                        cursor, sql, ledger_sql.entry_params(entry, connection)
                    )
                    if entry_id is None:
                        existing = _existing(debit.organisation_id, idempotency_key)
                        assert existing is not None
                        return existing
                    entry.pk = entry_id
                    entry._state.adding = False
                    entry._state.db = connection.alias
                    cursor.execute(
                        sql.update,
                        [debit.pk, -minutes, minutes, credit.pk, earned, debit.pk, credit.pk],
                    )
                    debit.balance = debit_balance - minutes
                    debit.lifetime_minutes = debit_lifetime
                    credit.balance = credit_balance + minutes
                    credit.lifetime_minutes = credit_lifetime + earned
        finally:
            cursor.close()
    if not affordable:
        # A replay of a spend that went through answers with its entry, not a refusal.
        existing = _existing(debit.organisation_id, idempotency_key)
        if existing is not None:
            return existing
        raise NotEnoughCredits()
    return entry


class Earned(NamedTuple):
    """What `earn` did. `entry_id` is None when the key was used already (nothing posted);
    `lifetime` is the young person's lifetime minutes after it, and `next_milestone` the
    organisation's lowest milestone above their whole hours before it (None: none above)."""

    entry_id: int | None
    values: tuple[Any, ...]  # the entry's fields after its id, in ledger_sql.ENTRY_NAMES order
    lifetime_before: int
    lifetime: int
    next_milestone: int | None

    def entry(self, acting_user: User, alias: str) -> Entry:
        """The entry posted, or the one posted first under its key. Built after the
        transaction from the values posted: the cheap way (what a read from the database
        does), not the field-by-field keyword one."""
        if self.entry_id is None:
            existing = _existing(self.values[0], self.values[ledger_sql.KEY_AT])
            assert existing is not None
            return existing
        entry = Entry.from_db(alias, ledger_sql.ENTRY_NAMES, (self.entry_id, *self.values))
        entry._state.fields_cache["acting_user"] = acting_user
        return entry


def earn(
    *,
    acting_user: User,
    membership: Membership,
    minutes: int,
    category: str,
    reason: str,
    idempotency_key: str,
    created_at: datetime,
    session_id: int | None = None,
    partner_name: str = "",
) -> Earned:
    """Post time given: from the organisation's issuing account to the young person's, in
    the caller's transaction, the fields checked already (`check_entry`).

    Three statements on the driver's own cursor: both accounts found by their owners and
    read (locked, in id order), the entry inserted once per key, both balances updated. On
    SQLite a writing transaction holds the whole database (BEGIN IMMEDIATE), so the read is
    the lock; PostgreSQL locks the rows (FOR UPDATE). A young person's first credits make
    their account first.
    """
    if not membership.is_young_person:
        raise ValidationError(_("Only young people hold credits"))
    connection = connections[router.db_for_write(Entry)]
    if not connection.in_atomic_block:
        raise TransactionManagementError("earn() runs inside the caller's transaction.")
    organisation_id = membership.organisation_id
    earned = minutes if category in EARNING else 0
    cursor, sql = ledger_sql.cursor_for(connection)
    try:
        with connection.wrap_database_errors:
            owners: list[Any] = [MINUTES_PER_HOUR, organisation_id, membership.pk]
            locked = _lock_earning(cursor, sql.earn_find, owners, membership)
            if locked is None:  # an account to make: the young person's first credits
                issuing_account(membership.organisation)
                account_of(membership)
                locked = _lock_earning(cursor, sql.earn_find, owners, membership)
                if locked is None:
                    raise RuntimeError("The accounts just made are not there.")
            (issuing, own), lifetime, next_milestone = locked
            values: tuple[Any, ...] = (
                organisation_id,
                issuing,
                own,
                minutes,
                category,
                reason,
                partner_name,
                session_id,
                acting_user.pk,
                idempotency_key,
                None,
                created_at,
            )
            params = list(values)
            params[4] = str(category)
            params[-1] = connection.ops.adapt_datetimefield_value(created_at)
            entry_id = ledger_sql.insert_once(cursor, sql, params)
            if entry_id is None:
                return Earned(None, values, lifetime, lifetime, next_milestone)
            cursor.execute(sql.update, [issuing, -minutes, minutes, own, earned, issuing, own])
    finally:
        cursor.close()
    return Earned(entry_id, values, lifetime, lifetime + earned, next_milestone)


def _lock_earning(
    cursor: Any, statement: str, params: list[Any], membership: Membership
) -> tuple[tuple[int, int], int, int | None] | None:
    """Lock the accounts the statement finds: the ids of the organisation's issuing account
    and the young person's, their lifetime minutes and next milestone; None unless both."""
    cursor.execute(statement, params)
    issuing = own = None
    for row in cursor.fetchall():
        if row[3] == membership.pk:
            own = row
        elif row[1:3] == (membership.organisation_id, AccountKind.ISSUING):
            issuing = row
    if issuing is None or own is None:
        return None
    return (issuing[0], own[0]), own[4], own[5]


def reverse(*, acting_user: User, entry: Entry, reason: str) -> Entry:
    """Put an entry right by posting its opposite; the original stays as it was."""
    if entry.reverses_id is not None:
        raise ValidationError(_("A correction cannot itself be reversed; post a new entry instead"))
    already = Entry.objects.filter(reverses=entry).first()
    if already is not None:
        return already
    with transaction.atomic():
        reversal = post(
            acting_user=acting_user,
            debit=entry.credit,
            credit=entry.debit,
            minutes=entry.minutes,
            category=Category.REVERSAL,
            reason=reason,
            idempotency_key=f"reverse:{entry.pk}",
            reverses=entry,
        )
        if entry.category in EARNING:
            # Time wrongly recorded was never given.
            Account.objects.filter(pk=entry.credit_id).update(
                lifetime_minutes=F("lifetime_minutes") - entry.minutes
            )
    return reversal
