from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.selectors import organisations_to_sweep
from coproduce.safeguarding.services import overdue_alerts_send


class Command(BaseCommand):
    help = (
        "Alert the safeguarding lead and deputies to concerns not acknowledged in time "
        "(once per concern: safe to run twice)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="slug of one organisation (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="count, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        total = 0
        for organisation in organisations_to_sweep(slug=options["organisation"] or ""):
            with organisation_scope(organisation):
                total += overdue_alerts_send(
                    organisation=organisation, now=now, dry_run=options["dry_run"]
                )
        verb = "would alert about" if options["dry_run"] else "sent"
        self.stdout.write(f"{verb} {total} overdue safeguarding alert(s)")
