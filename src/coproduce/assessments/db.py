"""Database guard: rows of a frozen framework version cannot be added or changed.

The services refuse first (FrozenVersionError); these triggers make the database refuse
too, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from django.db import migrations

TABLES = ["assessments_principle", "assessments_indicator", "assessments_banddescriptor"]
MESSAGE = "framework version is frozen"

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION assessments_refuse_frozen() RETURNS trigger AS $$
BEGIN
  IF (SELECT frozen_at FROM assessments_frameworkversion WHERE id = NEW.version_id) IS NOT NULL
     OR (TG_OP = 'UPDATE' AND (SELECT frozen_at FROM assessments_frameworkversion
                               WHERE id = OLD.version_id) IS NOT NULL) THEN
    RAISE EXCEPTION 'framework version is frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _forwards(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION, params=None)
    for table in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION assessments_refuse_frozen();"
            )
        elif vendor == "sqlite":
            for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD")):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_frozen_{event.lower()} BEFORE {event} ON {table} "  # noqa: S608
                    f"WHEN (SELECT frozen_at FROM assessments_frameworkversion "
                    f"WHERE id = {row}.version_id) IS NOT NULL "
                    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"
                )
        else:  # pragma: no cover
            raise NotImplementedError(vendor)


def _backwards(apps: Any, schema_editor: Any) -> None:
    for table in TABLES:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table};")
        else:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_insert;")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_update;")


def frozen_guard() -> Any:
    return migrations.RunPython(_forwards, _backwards)
