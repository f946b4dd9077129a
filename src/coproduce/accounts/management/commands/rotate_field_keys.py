"""`coproduce rotate_field_keys`: re-encrypt stored secrets with the first field key.

Procedure: put a new key first in FIELD_ENCRYPTION_KEYS (keep the old ones after it),
restart, run this, then remove the old keys. Safe to run twice.
"""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from coproduce.accounts import keys

# The values allauth encrypts: a TOTP secret and a recovery-code seed.
ENCRYPTED = ("secret", "seed")


class Command(BaseCommand):
    help = "Re-encrypt every authenticator secret with the first of FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Check, change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        changed = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().order_by("pk"):
                data = dict(authenticator.data)
                for name in ENCRYPTED:
                    if isinstance(data.get(name), str):
                        # Raises InvalidToken if no listed key opens it: stop, change nothing.
                        data[name] = keys.rotate(data[name])
                if data != authenticator.data:
                    changed += 1
                    if not options["dry_run"]:
                        authenticator.data = data
                        authenticator.save(update_fields=["data"])
        verb = "would be" if options["dry_run"] else "were"
        self.stdout.write(f"{changed} authenticator(s) {verb} re-encrypted with the first key.")
