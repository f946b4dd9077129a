"""`coproduce clear_sessions`: delete expired sessions (run daily from a timer)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from coproduce.core.models import UserSession
from coproduce.core.sessions import sessions_clear_expired


class Command(BaseCommand):
    help = "Delete expired sessions. Safe to run at any time and as often as you like."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            count = UserSession.objects.filter(expire_date__lt=timezone.now()).count()
            self.stdout.write(f"{count} expired session(s) would be deleted.")
            return
        self.stdout.write(f"{sessions_clear_expired()} expired session(s) deleted.")
