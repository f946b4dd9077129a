"""`coproduce worker`: run background tasks (e-mail) from the database queue."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker


class Command(BaseCommand):
    help = (
        "Run queued background tasks (e-mail) until stopped; with --once, run what is due "
        "now and exit (for cron and tests)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run the tasks that are due, then exit."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait when the queue is empty (default 1).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            # In-process, without taking over the process's signal handlers.
            Worker(
                queue_names=["*"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=get_random_string(32),
                excluded_queue_names=[],
            ).run()
            return
        call_command(
            "db_worker",
            queue_name="*",
            interval=options["interval"],
            reload=False,
            verbosity=options["verbosity"],
        )
