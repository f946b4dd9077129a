"""Build synthetic data at a named size for benchmarks: `coproduce generate --size large`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coproduce.core.tenancy import all_organisations
from coproduce.organisations.models import Organisation
from coproduce.synthetic.generate import generate
from coproduce.synthetic.sizes import SIZES


class Command(BaseCommand):
    help = "Generate synthetic organisations (tiny, small, large or council), reproducibly from --seed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=sorted(SIZES), default="small")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--prefix", default="synthetic", help="slug prefix of the organisations"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        prefix = options["prefix"]
        with all_organisations():
            if Organisation.objects.filter(slug__startswith=f"{prefix}-").exists():
                raise CommandError(
                    f"Organisations named {prefix}-… exist already: use a fresh database or --prefix."
                )
            started = time.perf_counter()

            def progress(done: int, total: int) -> None:
                if done == total or done % max(1, total // 20) == 0:
                    self.stdout.write(
                        f"  {done}/{total} organisations ({time.perf_counter() - started:.0f} s)"
                    )

            counts = generate(
                SIZES[options["size"]], seed=options["seed"], prefix=prefix, progress=progress
            )
        for name, value in sorted(counts.items()):
            self.stdout.write(f"{name}: {value:,}")
        self.stdout.write(f"took {time.perf_counter() - started:.1f} s")
