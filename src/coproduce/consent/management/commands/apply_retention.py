"""Erase young people's personal data after each organisation's retention period. Safe to run
daily from cron: people already erased are skipped."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from coproduce.consent.rights import apply_retention
from coproduce.core.tenancy import all_organisations
from coproduce.organisations.selectors import organisations_to_sweep


class Command(BaseCommand):
    help = "Erase personal data past each organisation's retention period (--dry-run lists only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="the organisation's slug (default: all)")
        parser.add_argument("--dry-run", action="store_true", help="list what would be erased")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        organisations = organisations_to_sweep(slug=options["organisation"] or "")
        with all_organisations():
            for organisation in sorted(organisations, key=lambda o: o.slug):
                due = apply_retention(organisation, today=today, dry_run=options["dry_run"])
                verb = "would erase" if options["dry_run"] else "erased"
                for item in due:
                    self.stdout.write(
                        f"{organisation.slug}: {verb} member {item.membership.pk} "
                        f"(last active {item.last_active:%Y-%m-%d})"
                    )
                self.stdout.write(f"{organisation.slug}: {len(due)} {verb}")
