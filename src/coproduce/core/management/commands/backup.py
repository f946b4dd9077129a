"""`coproduce backup DIR`: the database and private media, restorable with `restore`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and private media into a new directory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="Where to write (new or empty).")
        parser.add_argument(
            "--format",
            choices=["auto", "sqlite", "pg_dump", "json"],
            default="auto",
            help="auto: SQLite's backup API on SQLite, pg_dump on PostgreSQL (JSON without it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup(options["directory"], fmt=options["format"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up ({manifest['format']}) to {options['directory']}.")
