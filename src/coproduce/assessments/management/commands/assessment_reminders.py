from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from coproduce.assessments.reminders import reminders_send
from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.selectors import organisations_to_sweep


class Command(BaseCommand):
    help = "Remind staff of self-assessments due or overdue, and managers of the next round."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="slug of one organisation (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="count, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        organisations = organisations_to_sweep(slug=options["organisation"] or "")
        today = timezone.localdate()
        total = 0
        for organisation in organisations:
            with organisation_scope(organisation):
                total += reminders_send(
                    organisation=organisation, today=today, dry_run=options["dry_run"]
                )
        verb = "would send" if options["dry_run"] else "sent"
        self.stdout.write(f"{verb} {total} reminder(s)")
