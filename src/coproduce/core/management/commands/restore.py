"""`coproduce restore DIR`: load a backup into a new, empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database, and its media into "
        "MEDIA_ROOT. Run `migrate` afterwards when the code is newer than the backup."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="A directory written by `backup`.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = restore(options["directory"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored ({manifest['format']}) from {options['directory']}.")
