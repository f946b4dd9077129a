from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.selectors import organisations_to_sweep
from coproduce.safeguarding.services import concerns_retention_apply


class Command(BaseCommand):
    help = (
        "Anonymise safeguarding concerns closed longer ago than each organisation keeps them "
        "(safe to run daily: a concern already anonymised is skipped)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="slug of one organisation (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        total = 0
        for organisation in organisations_to_sweep(slug=options["organisation"] or ""):
            with organisation_scope(organisation):
                total += concerns_retention_apply(
                    organisation=organisation, today=today, dry_run=options["dry_run"]
                )
        verb = "would anonymise" if options["dry_run"] else "anonymised"
        self.stdout.write(f"{verb} {total} safeguarding concern(s) past their retention")
