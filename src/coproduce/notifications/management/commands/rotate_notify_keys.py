"""`coproduce rotate_notify_keys`: re-encrypt organisations' Notify API keys with the first
field key (run after `rotate_field_keys`, before removing an old key). Safe to run twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.notifications.services.preferences import notify_keys_rotate


class Command(BaseCommand):
    help = "Re-encrypt every organisation's Notify API key with the first FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Check, change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        changed = notify_keys_rotate(dry_run=options["dry_run"])
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(f"{changed} Notify key(s) {verb} re-encrypted with the first key.")
