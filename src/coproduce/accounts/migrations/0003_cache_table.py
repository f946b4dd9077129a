"""The database cache's table (settings.CACHES without REDIS_URL): lock-out and throttle
counts shared by every process on the embedded default."""

from typing import Any

from django.core.management.commands.createcachetable import Command
from django.db import migrations

TABLE = "coproduce_cache"


def create(apps: Any, schema_editor: Any) -> None:
    # Made whichever cache is configured now, so switching Redis off later needs no step.
    command = Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
