"""Backups that can be restored: the database plus private media, in one directory.

SQLite: a consistent copy made with SQLite's online backup API (safe while the site runs).
PostgreSQL: `pg_dump --format=custom` when pg_dump is installed, else Django's `dumpdata`
in natural-key JSON (which can also be restored into the other kind of database).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from coproduce.core.tenancy import all_organisations

MANIFEST = "manifest.json"
FILES = {"sqlite": "database.sqlite3", "pg_dump": "database.pgdump", "json": "database.json"}
# Rebuilt by `migrate` on restore, and referred to by natural key in the JSON.
NOT_DUMPED = ["contenttypes", "auth.permission"]


class BackupError(Exception):
    pass


def _pg_env() -> tuple[list[str], dict[str, str]]:
    s = connection.settings_dict
    args = ["--dbname", str(s["NAME"]), "--no-owner", "--no-privileges"]
    if s.get("HOST"):
        args += ["--host", str(s["HOST"])]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", str(s["USER"])]
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def backup(directory: Path, *, fmt: str = "auto") -> dict[str, Any]:
    """Write the database and media into `directory` (created; must be empty)."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty")
    vendor = connection.vendor
    if fmt == "auto":
        if vendor == "sqlite":
            fmt = "sqlite"
        elif vendor == "postgresql" and shutil.which("pg_dump"):
            fmt = "pg_dump"
        else:
            fmt = "json"
    target = directory / FILES[fmt]
    if fmt == "sqlite":
        if vendor != "sqlite":
            raise BackupError("the sqlite format needs a SQLite database")
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    elif fmt == "pg_dump":
        args, env = _pg_env()
        _run(["pg_dump", "--format=custom", "--file", str(target), *args], env)
    else:
        with all_organisations(), transaction.atomic():
            if vendor == "postgresql":  # one consistent snapshot across every table
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                use_base_manager=True,
                exclude=NOT_DUMPED,
                output=str(target),
                verbosity=0,
            )
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, directory / "media")
    manifest = {
        "format": fmt,
        "database": vendor,
        "created_at": timezone.now().isoformat(),
        "media": media.is_dir(),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(directory: Path) -> dict[str, Any]:
    """Load a backup into an empty database (no tables) and copy its media back."""
    try:
        manifest: dict[str, Any] = json.loads((directory / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{directory} holds no {MANIFEST}: not a backup") from None
    if not _database_is_empty():
        raise BackupError("the database is not empty: restore only into a new, empty database")
    fmt = manifest["format"]
    source = directory / FILES[fmt]
    if fmt == "sqlite":
        if connection.vendor != "sqlite":
            raise BackupError("a SQLite backup restores only into SQLite")
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
    elif fmt == "pg_dump":
        if connection.vendor != "postgresql":
            raise BackupError("a pg_dump backup restores only into PostgreSQL")
        connection.close()
        args, env = _pg_env()
        _run(["pg_restore", "--exit-on-error", *args, str(source)], env)
    else:
        call_command("migrate", interactive=False, verbosity=0)
        with all_organisations():
            call_command("loaddata", str(source), verbosity=0)
    if manifest.get("media"):
        shutil.copytree(directory / "media", Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    return manifest
