"""Monitoring report benchmark: the time to build the report's figures (and to serve the
page) for the busiest project of the first synthetic organisation, over the page's default
period (the last twelve months).

Run (the database must already hold `coproduce generate --size <size>` data):
    DATABASE_URL=sqlite:///$PWD/var/bench/small.sqlite3 \\
        uv run python bench/report_bench.py --size small --runs 15

Figures: the median ms of `project_report(...)` (the data building) and of a GET of the
report page, the number of attendance rows the report counts, and the query counts.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument(
        "--before", default="", help="folder holding report_before/ (the old code, copied)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coproduce.core.forms import period_from
    from coproduce.core.tenancy import all_organisations, organisation_scope
    from coproduce.monitoring.report import project_report
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Attendance, Project

    with all_organisations():
        staff = Membership.objects.select_related("user").get(
            user__username=f"{args.prefix}-001-s2"
        )
        org = staff.organisation
        project = (
            Project.objects.filter(organisation=org)
            .annotate(n=Count("sessions"))
            .order_by("-n", "pk")
            .first()
        )
        assert project is not None
        _form, start, end = period_from({})  # the page's default: the last twelve months
        rows = Attendance.objects.filter(
            session__project=project, session__date__range=(start, end)
        ).count()

    def build(report: Any = project_report) -> Any:
        with organisation_scope(org):
            return report(project, start, end)

    def timed(report: Any) -> tuple[float, int]:
        for _ in range(2):
            build(report)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            build(report)
            times.append((time.perf_counter() - began) * 1000)
        with CaptureQueriesContext(connection) as built:
            build(report)
        return statistics.median(times), len(built)

    # The code before this change, if a copy was kept (var/bench/report_before/): timed in
    # the same run, turn about, and its figures compared with today's one by one.
    before = None
    if args.before:
        sys.path.insert(0, args.before)
        from report_before import project_report as before_report  # type: ignore[import-not-found]

        def figures(report: Any) -> dict[str, tuple[object, list[str]]]:
            return {k: (f.value, [str(x) for x in f.records]) for k, f in report.figures.items()}

        assert figures(build(before_report)) == figures(build()), "the figures differ"
        before = before_report
    rounds = []
    for _ in range(3):
        rounds.append((timed(before) if before else (0.0, 0), timed(project_report)))
    (before_ms, before_queries) = (statistics.median(r[0][0] for r in rounds), rounds[0][0][1])
    (after_ms, after_queries) = (statistics.median(r[1][0] for r in rounds), rounds[0][1][1])

    client = Client()
    client.force_login(staff.user)
    url = f"/monitoring/projects/{project.pk}/"
    for _ in range(2):
        assert client.get(url).status_code == 200
    page = []
    for _ in range(args.runs):
        began = time.perf_counter()
        client.get(url)
        page.append((time.perf_counter() - began) * 1000)
    with CaptureQueriesContext(connection) as served:
        client.get(url)
    print(
        "| database | size | attendance rows | report data ms before | after | ratio "
        "| queries before | after | page ms (after) | page queries |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    ratio = f"{after_ms / before_ms:.2f}" if before_ms else "–"
    print(
        f"| {connection.vendor} | {args.size} | {rows:,} | {before_ms:.1f} | {after_ms:.1f} | "
        f"{ratio} | {before_queries} | {after_queries} | {statistics.median(page):.1f} | "
        f"{len(served)} |"
    )


if __name__ == "__main__":
    main()
