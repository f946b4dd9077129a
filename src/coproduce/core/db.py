"""Database guards that both SQLite and PostgreSQL enforce.

`append_only(table)` is a migration operation installing triggers that refuse
UPDATE and DELETE on a table (audit events, ledger entries). On SQLite a DELETE
is allowed only while `purge_allowed()` is true, which only the test harness's
flush between transactional tests sets; PostgreSQL flushes with TRUNCATE,
which row triggers do not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.dispatch import receiver

_flag = {"purge": False}


@contextmanager
def purge_allowed() -> Iterator[None]:
    _flag["purge"] = True
    try:
        yield
    finally:
        _flag["purge"] = False


@receiver(connection_created)
def _register_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "coproduce_purge_allowed", 0, lambda: 1 if _flag["purge"] else 0, deterministic=False
        )


PG_FUNCTION = """
CREATE OR REPLACE FUNCTION coproduce_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'rows in % are append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def _install(table: str) -> Any:
    def forwards(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(PG_FUNCTION, params=None)
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION coproduce_refuse_change();"
            )
        elif vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'rows in {table} are append-only'); END;"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"WHEN coproduce_purge_allowed() = 0 "
                f"BEGIN SELECT RAISE(ABORT, 'rows in {table} are append-only'); END;"
            )
        else:  # pragma: no cover - only the two supported databases
            raise NotImplementedError(vendor)

    def backwards(apps: Any, schema_editor: Any) -> None:
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update;")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete;")

    return migrations.RunPython(forwards, backwards)


def append_only(table: str) -> Any:
    """Migration operation: the database refuses UPDATE and DELETE on `table`."""
    return _install(table)
