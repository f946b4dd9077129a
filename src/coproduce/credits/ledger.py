"""Posting to the ledger: the one place balances change.

- Each posting is one Entry (debit → credit) and two balance updates, in one transaction.
- Both accounts are locked by one SELECT … FOR UPDATE that also reads their balances; a
  spend that cannot be afforded is refused under that lock and changes nothing, even under
  concurrency. The database's CHECK constraint (no negative balance for young people) is
  the last line of defence.
- Accounts are locked in ascending primary-key order, so two postings never deadlock.
- An idempotency key, unique per organisation, makes posting the same thing twice post once:
  the unique constraint decides in the insert itself (ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import F
from django.utils.translation import gettext as _

from coproduce.credits.models import (
    EARNING,
    MINUTES_PER_HOUR,
    Account,
    AccountKind,
    Category,
    Entry,
    Milestone,
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


class EarningAccounts(NamedTuple):
    issuing: Account
    own: Account
    # The organisation's lowest milestone above the young person's whole hours when read
    # (None: none above), so an award that crosses none needs no look-up; `milestone_known`
    # is False for an account made just now, whose milestones are looked up if it earns.
    next_milestone: int | None
    milestone_known: bool


def earning_accounts(membership: Membership) -> EarningAccounts:
    """The organisation's issuing account and the young person's, with the young person's
    next milestone, in one query."""
    if not membership.is_young_person:
        raise ValidationError(_("Only young people hold credits"))
    connection = connections[router.db_for_read(Account)]
    names = [f.attname for f in Account._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(connection).accounts,
            [MINUTES_PER_HOUR, membership.organisation_id, AccountKind.ISSUING, membership.pk],
        )
        found = [
            (Account.from_db(connection.alias, names, row[:-1]), row[-1])
            for row in cursor.fetchall()
        ]
    by_kind = {account.kind: (account, milestone) for account, milestone in found}
    issuing = by_kind.get(AccountKind.ISSUING, (None, None))[0] or issuing_account(
        membership.organisation
    )
    own, next_milestone = by_kind.get(AccountKind.YOUNG_PERSON, (None, None))
    if own is None:
        return EarningAccounts(issuing, account_of(membership), None, milestone_known=False)
    return EarningAccounts(issuing, own, next_milestone, milestone_known=True)


class _Statements(NamedTuple):
    accounts: str
    lock: str
    insert: str
    update: str


# The columns of the `entry_idempotent` constraint.
UNIQUE_KEY = ("organisation_id", "idempotency_key")


_STATEMENTS: dict[str, _Statements] = {}


def _statements(quote: Callable[[str], str], for_update: bool) -> _Statements:
    """The posting's statements, written once: the ORM took far longer to build them on
    every posting than the database took to run them. Names come from the models' own
    metadata; every value is a parameter."""
    account = quote(Account._meta.db_table)
    columns = ", ".join(f"{account}.{quote(f.column)}" for f in Account._meta.concrete_fields)
    milestone = quote(Milestone._meta.db_table)
    fields = [f for f in Entry._meta.concrete_fields if not f.primary_key]
    entry_columns = ", ".join(quote(f.column) for f in fields)
    marks, key = ", ".join(["%s"] * len(fields)), ", ".join(map(quote, UNIQUE_KEY))
    return _Statements(
        accounts=f"SELECT {columns}, (SELECT MIN(m.hours) FROM {milestone} m "  # noqa: S608
        f"WHERE m.organisation_id = {account}.organisation_id "
        f"AND m.hours * %s > {account}.lifetime_minutes) FROM {account} "
        "WHERE (organisation_id = %s AND kind = %s) OR membership_id = %s",
        lock=f"SELECT id, kind, balance, lifetime_minutes FROM {account} "  # noqa: S608
        "WHERE id IN (%s, %s) ORDER BY id" + (" FOR UPDATE" if for_update else ""),
        insert=f"INSERT INTO {quote(Entry._meta.db_table)} ({entry_columns}) "  # noqa: S608
        f"VALUES ({marks}) ON CONFLICT ({key}) DO NOTHING RETURNING id",
        update=f"UPDATE {account} SET "  # noqa: S608
        "balance = balance + CASE WHEN id = %s THEN %s ELSE %s END, "
        "lifetime_minutes = lifetime_minutes + CASE WHEN id = %s THEN %s ELSE 0 END "
        "WHERE id IN (%s, %s)",
    )


def _sql(connection: BaseDatabaseWrapper) -> _Statements:
    """The statements for this connection's database, built on first use."""
    sql = _STATEMENTS.get(connection.vendor)
    if sql is None:
        sql = _STATEMENTS[connection.vendor] = _statements(
            connection.ops.quote_name, connection.features.has_select_for_update
        )
    return sql


def _existing(organisation_id: int, idempotency_key: str) -> Entry | None:
    return Entry.objects.filter(
        organisation_id=organisation_id, idempotency_key=idempotency_key
    ).first()


def _insert_once(cursor: CursorWrapper, entry: Entry) -> int | None:
    """Insert the entry unless its idempotency key is taken; the new id, or None if taken.

    The unique constraint answers in the insert itself (ON CONFLICT DO NOTHING, on SQLite
    and PostgreSQL alike): no pre-check, and no savepoint to recover from a failed insert.
    """
    connection = cursor.db
    fields = [f for f in Entry._meta.concrete_fields if not f.primary_key]
    params = [f.get_db_prep_save(getattr(entry, f.attname), connection) for f in fields]
    cursor.execute(_sql(connection).insert, params)
    row = cursor.fetchone()
    return None if row is None else int(row[0])


def build_entry(
    *,
    acting_user: User,
    organisation_id: int,
    minutes: int,
    category: str,
    reason: str,
    idempotency_key: str,
    session_id: int | None = None,
    partner_name: str = "",
    reverses: Entry | None = None,
) -> Entry:
    """An entry checked and ready to post, its accounts still to be named: built before the
    transaction, so the accounts stay locked for the statements alone."""
    if minutes <= 0:
        raise ValidationError(_("Enter a number of minutes above zero"))
    if not reason.strip():
        raise ValidationError(_("Give a reason"))
    entry = Entry(
        organisation_id=organisation_id,
        minutes=minutes,
        category=category,
        reason=reason,
        idempotency_key=idempotency_key,
        acting_user=acting_user,
        session_id=session_id,
        partner_name=partner_name,
        reverses=reverses,
    )
    # Field checks only: the database enforces the foreign keys.
    entry.full_clean(
        exclude=["organisation", "debit", "credit", "acting_user", "session", "reverses"],
        validate_unique=False,
        validate_constraints=False,
    )
    return entry


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
    entry = build_entry(
        acting_user=acting_user,
        organisation_id=debit.organisation_id,
        minutes=minutes,
        category=category,
        reason=reason,
        idempotency_key=idempotency_key,
        session_id=session_id,
        partner_name=partner_name,
        reverses=reverses,
    )
    return post_entry(entry, debit=debit, credit=credit)


def read_is_lock(connection: BaseDatabaseWrapper) -> bool:
    """Whether a read inside the current transaction already holds the accounts still: on
    SQLite a writing transaction holds the whole database (BEGIN IMMEDIATE; a deferred one
    that read a row another has since changed fails to write rather than overwrite it), so
    balances read in it are the ones a posting in it changes. PostgreSQL locks rows."""
    return connection.in_atomic_block and not connection.features.has_select_for_update


def post_entry(
    entry: Entry, *, debit: Account, credit: Account, read_in_transaction: bool = False
) -> Entry:
    """Post an entry from `build_entry`. With `read_in_transaction` the caller read both
    accounts (balances and lifetime minutes) in the current transaction, and on a database
    where that read holds them (`read_is_lock`) they are not locked and read again."""
    if debit.organisation_id != credit.organisation_id:
        raise ValidationError(_("Both accounts must belong to the same organisation"))
    entry.debit, entry.credit = debit, credit
    minutes, idempotency_key = entry.minutes, entry.idempotency_key
    earned = minutes if entry.category in EARNING else 0
    affordable = True
    # No savepoint: nothing below is caught inside this block, and a failure must undo the
    # caller's whole transaction anyway.
    with transaction.atomic(savepoint=False):
        connection = connections[router.db_for_write(Entry)]
        sql = _sql(connection)
        with connection.cursor() as cursor:
            if read_in_transaction and read_is_lock(connection):
                kind, debit_balance, debit_lifetime = (
                    debit.kind,
                    debit.balance,
                    debit.lifetime_minutes,
                )
                credit_balance, credit_lifetime = credit.balance, credit.lifetime_minutes
            else:
                # One statement locks both accounts in ascending primary-key order (no
                # deadlocks) and returns the balances to check and to report back.
                cursor.execute(sql.lock, sorted([debit.pk, credit.pk]))
                locked = {row[0]: row[1:] for row in cursor.fetchall()}
                kind, debit_balance, debit_lifetime = locked[debit.pk]
                _kind, credit_balance, credit_lifetime = locked[credit.pk]
            if kind != AccountKind.ISSUING and debit_balance < minutes:
                affordable = False
            else:
                entry_id = _insert_once(cursor, entry)
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
                debit.balance, debit.lifetime_minutes = debit_balance - minutes, debit_lifetime
                credit.balance = credit_balance + minutes
                credit.lifetime_minutes = credit_lifetime + earned
    if not affordable:
        # A replay of a spend that went through answers with its entry, not a refusal.
        existing = _existing(debit.organisation_id, idempotency_key)
        if existing is not None:
            return existing
        raise NotEnoughCredits()
    return entry


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
