from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from coproduce.core.tenancy import organisation_scope
from coproduce.notifications.due import send_due
from coproduce.organisations.selectors import organisations_to_sweep


class Command(BaseCommand):
    help = (
        "Queue the messages that are due (session reminders for tomorrow, invitations, the "
        "staff weekly digest). Safe to run twice: each event is sent once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="slug of one organisation (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="count, queue nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        total = 0
        for organisation in organisations_to_sweep(slug=options["organisation"] or ""):
            with organisation_scope(organisation), transaction.atomic():
                total += send_due(organisation, today)
                if options["dry_run"]:
                    transaction.set_rollback(True)
        verb = "would queue" if options["dry_run"] else "queued"
        self.stdout.write(f"{verb} {total} message(s)")
