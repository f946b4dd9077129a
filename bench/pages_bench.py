"""Page benchmark: median server time and query count of the main pages and API lists, on a
database filled by `coproduce generate --size <size>`.

Run (the database must already hold the generated data):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_large \
        uv run python bench/pages_bench.py --size large --runs 15 --out var/bench/pages.md

Times are measured in-process through Django's test client (server time, no network, DEBUG
off as in production: see bench_settings.py), after
two warm-up requests, as the median of --runs requests. Query counts come from Django's
CaptureQueriesContext. The first synthetic organisation is measured: every organisation has
the same shape at every size, so a page's cost should not grow with the number of them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--prefix", default="synthetic")
    parser.add_argument("--out", default="")
    args = parser.parse_args()

    import django

    django.setup()
    rows = measure(args.prefix, args.runs)
    from django.db import connection

    lines = [
        f"| {connection.vendor} | {args.size} | {page} | {ms:.1f} | {queries} |"
        for page, ms, queries in rows
    ]
    print("| database | size | page | median ms | queries |\n|---|---|---|---|---|")
    print("\n".join(lines))
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")


def pages_for(prefix: str) -> list[tuple[str, Any, str]]:
    """The pages a council uses most, each with the client (staff or young person) that opens
    it: the busiest project and the young person with the most ledger entries."""
    from django.db.models import Count
    from django.test import Client

    from coproduce.core.tenancy import all_organisations
    from coproduce.credits.models import Entry
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project

    with all_organisations():
        practitioner = Membership.objects.select_related("user").get(
            user__username=f"{prefix}-001-s2"
        )
        org = practitioner.organisation
        project = (
            Project.objects.filter(organisation=org)
            .annotate(n=Count("sessions"))
            .order_by("-n", "pk")
            .first()
        )
        busiest = (
            Entry.objects.filter(organisation=org, credit__membership__isnull=False)
            .values("credit__membership")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        assert busiest is not None and project is not None
        young = Membership.objects.select_related("user").get(pk=busiest["credit__membership"])
    # The default period, a year to today, has whole months only on the 1st of a month; the
    # same length ending mid-month has a part month at each end (read from the register).
    today = datetime.date.today()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    end = end.replace(day=min(end.day, 14))
    start = end.replace(year=end.year - 1) + datetime.timedelta(days=1)
    part_months = "?" + "&".join(
        f"{name}_{part}={getattr(day, part)}"
        for name, day in (("start", start), ("end", end))
        for part in ("day", "month", "year")
    )
    staff_client, young_client = Client(), Client()
    staff_client.force_login(practitioner.user)
    young_client.force_login(young.user)
    return [
        ("organisation dashboard", staff_client, "/"),
        ("young person's home", young_client, "/"),
        ("projects list", staff_client, "/projects/"),
        ("project page", staff_client, f"/projects/{project.pk}/"),
        ("young person's statement", young_client, "/credits/me/"),
        ("credits overview", staff_client, "/credits/"),
        ("people list", staff_client, "/organisation/people/"),
        ("monitoring report", staff_client, f"/monitoring/projects/{project.pk}/"),
        ("inclusion analytics", staff_client, "/monitoring/inclusion/"),
        ("inclusion, part months", staff_client, f"/monitoring/inclusion/{part_months}"),
        ("report, part months", staff_client, f"/monitoring/projects/{project.pk}/{part_months}"),
        ("API: people", staff_client, "/api/v1/organisation/people"),
        ("API: balances", staff_client, "/api/v1/credits/balances"),
        ("API: projects", staff_client, "/api/v1/projects/"),
    ]


def measure(prefix: str, runs: int) -> list[tuple[str, float, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages = pages_for(prefix)
    results = []
    for name, client, url in pages:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results.append((name, statistics.median(times), len(queries.captured_queries)))
    return results


if __name__ == "__main__":
    main()
