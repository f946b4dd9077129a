"""`coproduce clear_prepared_files`: delete prepared exports and PDFs past their expiry."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.core.downloads.services import clear_expired


class Command(BaseCommand):
    help = (
        "Delete prepared files (exports, PDFs, subject-access ZIPs) past their expiry. The "
        "worker also does this each time it prepares a file. Safe to run at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        count = clear_expired(dry_run=options["dry_run"])
        verb = "would be deleted" if options["dry_run"] else "deleted"
        self.stdout.write(f"{count} expired prepared file(s) {verb}.")
