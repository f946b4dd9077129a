from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.core.tenancy import all_organisations
from coproduce.credits.selectors import session_time_mismatches, verify
from coproduce.organisations.selectors import organisation_with_slug


class Command(BaseCommand):
    help = (
        "Recompute every credit balance, and the time given at each session, from the ledger "
        "entries; exit non-zero on any mismatch."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="Only this organisation (slug).")

    def handle(self, *args: Any, **options: Any) -> None:
        with all_organisations():
            organisation = None
            if options["organisation"]:
                organisation = organisation_with_slug(options["organisation"])
                if organisation is None:
                    raise CommandError(f"No organisation with slug {options['organisation']!r}")
            problems = verify(organisation=organisation)
            sessions = session_time_mismatches(organisation=organisation)
        for p in problems:
            self.stderr.write(
                f"account {p.account_id}: cached {p.cached} but entries give {p.recomputed}"
            )
        for session, kept, given in sessions:
            self.stderr.write(
                f"session {session}: time given kept as {kept} but entries give {given}"
            )
        if problems:
            raise CommandError(f"{len(problems)} account(s) do not match their entries")
        if sessions:
            raise CommandError(f"{len(sessions)} session(s)' time given does not match the entries")
        self.stdout.write(
            "Ledger verified: every balance matches its entries, and so does the time given "
            "at each session."
        )
