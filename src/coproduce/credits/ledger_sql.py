"""How the ledger posts, kept apart from `ledger` (what it posts): the statements, written
once per database from the models' metadata; the cursor they run on (the driver's own,
unless something watches the statements); and a quick check of an entry's fields. On
SQLite each of these cost a posting more than the database took to run it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.base.base import BaseDatabaseWrapper

from coproduce.credits.models import Account, AccountKind, Category, Entry, Milestone


class Statements(NamedTuple):
    lock: str
    earn_find: str
    insert: str
    update: str
    # Whether the insert returns the new id (PostgreSQL); SQLite's RETURNING cost as much as
    # the insert itself, and its row count and last row id say the same.
    returning: bool


# The columns of the `entry_idempotent` constraint.
UNIQUE_KEY = ("organisation_id", "idempotency_key")
ENTRY_FIELDS = [f for f in Entry._meta.concrete_fields if not f.primary_key]
ENTRY_NAMES = [f.attname for f in Entry._meta.concrete_fields]
# `earn` writes an entry's values in this order, which must be the model's.
_EARN_ORDER = ["id", "organisation_id", "debit_id", "credit_id", "minutes", "category", "reason"]
_EARN_ORDER += ["partner_name", "session_id", "acting_user_id", "idempotency_key"]
_EARN_ORDER += ["reverses_id", "created_at"]
if ENTRY_NAMES != _EARN_ORDER:
    raise ImproperlyConfigured(f"Update ledger.earn(): it writes {_EARN_ORDER}, not {ENTRY_NAMES}")
KEY_AT = ENTRY_NAMES.index("idempotency_key") - 1

_STATEMENTS: dict[tuple[str, bool], Statements] = {}


def _statements(connection: BaseDatabaseWrapper, native: bool) -> Statements:
    """The posting's statements, written once: the ORM took far longer to build them on
    every posting than the database took to run them. Names come from the models' own
    metadata; every value is a parameter. `native`: for the driver's own cursor, in its own
    placeholders (SQLite's `?`), rather than Django's."""
    quote = connection.ops.quote_name
    returning = connection.vendor != "sqlite"
    for_update = " FOR UPDATE" if connection.features.has_select_for_update else ""
    account = quote(Account._meta.db_table)
    milestone = quote(Milestone._meta.db_table)
    entry_columns = ", ".join(quote(f.column) for f in ENTRY_FIELDS)
    earning = (
        "SELECT id, organisation_id, kind, membership_id, lifetime_minutes, "  # noqa: S608
        f"(SELECT MIN(m.hours) FROM {milestone} m "
        f"WHERE m.organisation_id = {account}.organisation_id "
        f"AND m.hours * %s > {account}.lifetime_minutes) FROM {account} "
    )
    marks, key = ", ".join(["%s"] * len(ENTRY_FIELDS)), ", ".join(map(quote, UNIQUE_KEY))
    sql = Statements(
        lock=f"SELECT id, kind, balance, lifetime_minutes FROM {account} "  # noqa: S608
        "WHERE id IN (%s, %s) ORDER BY id" + for_update,
        # Both accounts found by their owners, with the organisation's lowest milestone above
        # the young person's hours; locked in id order (PostgreSQL locks rows as it returns
        # them). The kind is written in, not a parameter: SQLite prepares a statement again
        # on every run when a parameter decides whether a partial index applies (33 µs, not 8).
        earn_find=earning + "WHERE (organisation_id = %s AND kind = "
        f"'{AccountKind.ISSUING.value}') OR membership_id = %s ORDER BY id" + for_update,
        insert=f"INSERT INTO {quote(Entry._meta.db_table)} ({entry_columns}) "  # noqa: S608
        f"VALUES ({marks}) ON CONFLICT ({key}) DO NOTHING" + (" RETURNING id" if returning else ""),
        update=f"UPDATE {account} SET "  # noqa: S608
        "balance = balance + CASE WHEN id = %s THEN %s ELSE %s END, "
        "lifetime_minutes = lifetime_minutes + CASE WHEN id = %s THEN %s ELSE 0 END "
        "WHERE id IN (%s, %s)",
        returning=returning,
    )
    if native and connection.vendor == "sqlite":
        sql = sql._replace(
            **{name: getattr(sql, name).replace("%s", "?") for name in sql._fields[:4]}
        )
    return sql


def cursor_for(connection: BaseDatabaseWrapper) -> tuple[Any, Statements]:
    """A cursor for the posting's statements, and the statements written for it.

    The driver's own cursor, unless something watches the statements (the query log that
    DEBUG and CaptureQueriesContext turn on, or an execute wrapper): then Django's, so they
    see every statement. Django's cursor rewrote each statement's placeholders and wrapped
    it in several calls, which cost a posting on SQLite about as much as SQLite took to run
    it. Callers run it under `connection.wrap_database_errors`, so errors are Django's.
    """
    native = not (connection.queries_logged or connection.execute_wrappers)
    key = (connection.vendor, native)
    sql = _STATEMENTS.get(key)
    if sql is None:
        sql = _STATEMENTS[key] = _statements(connection, native)
    if not native:
        return connection.cursor(), sql
    connection.validate_no_broken_transaction()
    if connection.connection is None:
        connection.ensure_connection()
    return connection.connection.cursor(), sql


def insert_once(cursor: Any, sql: Statements, params: list[Any]) -> int | None:
    """Insert the entry unless its idempotency key is taken; the new id, or None if taken.

    The unique constraint answers in the insert itself (ON CONFLICT DO NOTHING, on SQLite
    and PostgreSQL alike): no pre-check, and no savepoint to recover from a failed insert.
    """
    cursor.execute(sql.insert, params)
    if sql.returning:
        row = cursor.fetchone()
        return None if row is None else int(row[0])
    return int(cursor.lastrowid) if cursor.rowcount == 1 else None


def entry_params(entry: Entry, connection: BaseDatabaseWrapper) -> list[Any]:
    return [f.get_db_prep_save(getattr(entry, f.attname), connection) for f in ENTRY_FIELDS]


# The smallest range any supported database gives a PositiveIntegerField (PostgreSQL's).
MAX_MINUTES = 2**31 - 1
_CATEGORIES = frozenset(Category.values)
_MAX_LENGTH = {
    f.name: f.max_length or 0
    for f in ENTRY_FIELDS
    if f.name in {"reason", "partner_name", "idempotency_key"}
}


def fields_fit(
    *, minutes: int, category: str, reason: str, partner_name: str, idempotency_key: str
) -> bool:
    """Whether the entry's field checks (`full_clean`) would pass, never looser than they
    are: those checks cost a posting more than SQLite took to run it, so they run only when
    this finds something that may be wrong, and then say what."""
    return (
        type(minutes) is int
        and 0 < minutes <= MAX_MINUTES
        and str(category) in _CATEGORIES
        and type(reason) is str
        and 0 < len(reason) <= _MAX_LENGTH["reason"]
        and type(partner_name) is str
        and len(partner_name) <= _MAX_LENGTH["partner_name"]
        and type(idempotency_key) is str
        and 0 < len(idempotency_key) <= _MAX_LENGTH["idempotency_key"]
    )
