"""Credits overview benchmark: "Time given by project" (`credits.selectors.time_by_project`)
for the first synthetic organisation, read from the SessionTime summary the database keeps,
beside the old way of summing every entry (kept as a copy of the old selectors).

    mkdir -p var/bench/credits_before
    git show 95443af:src/coproduce/credits/selectors.py \\
        > var/bench/credits_before/old_credits_selectors.py
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_council \\
        uv run python bench/credits_overview_bench.py --runs 9 --before var/bench/credits_before

The old all-time figures are compared with the new all-time ones first (they must be equal),
then the three are timed turn about in one process; the median of each is printed.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", required=True, help="folder holding old_credits_selectors.py")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from coproduce.core.tenancy import all_organisations
    from coproduce.credits import selectors as new
    from coproduce.organisations.models import Organisation

    sys.path.insert(0, args.before)
    old: Any = importlib.import_module("old_credits_selectors")
    with all_organisations():
        org = Organisation.objects.order_by("pk").first()
        assert org is not None
        today = timezone.localdate()
        start = today.replace(year=today.year - 1) + datetime.timedelta(days=1)
        before, after = old._time_by_project(org), new.time_by_project(organisation=org)
        assert before == after, "the old and new figures differ"
        ways: dict[str, Callable[[], object]] = {
            "old, every session ever": lambda: old._time_by_project(org),
            "new, every session ever": lambda: new.time_by_project(organisation=org),
            "new, the last twelve months": lambda: new.time_by_project(
                organisation=org, start=start, end=today
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.runs):
            for name, way in ways.items():
                began = time.perf_counter()
                way()
                times[name].append((time.perf_counter() - began) * 1000)
    print(f"{connection.vendor}: {len(after)} projects, old and new figures equal; load {_load()}")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} ms |")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
