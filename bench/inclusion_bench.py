"""Inclusion analytics benchmark: the time to work out the figures of "Who takes part"
(`monitoring.selectors.inclusion_of`) and to serve the page, for the first synthetic
organisation over the page's default period (the last twelve months).

Run (the database must already hold `coproduce generate --size <size>` data):
    DEBUG=true DATABASE_URL=sqlite:///$PWD/var/bench/small.sqlite3 \\
        uv run python bench/inclusion_bench.py --size small --runs 15

Before and after in the same run: keep a copy of the code before the change, e.g.
    mkdir -p var/bench/inclusion_before
    git show <rev>:src/coproduce/monitoring/selectors.py > var/bench/inclusion_before/selectors.py
    git show <rev>:src/coproduce/monitoring/templates/monitoring/inclusion.html \\
        > var/bench/inclusion_before/inclusion.html
(<rev> = 393a478, the last commit before this change) and pass `--before var/bench`. The old
figures are compared with today's (they must be the same), then both are timed turn about
(three rounds of --runs each, the median of the medians): the figures alone, and the page
(the old selector and template served through the same view, middleware and client;
"asked too often" on that page read every register row before this change, so the old page
is served with that read).

`DEBUG=true` is needed only to start without production secrets; bench_settings.py turns
DEBUG off.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
import types
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")


def _figures(view: Any) -> dict[str, object]:
    return {
        "on_books": view.on_books,
        "took_part": view.took_part,
        "rows": [(r.group, r.took_part, r.population, r.rate) for r in view.rows],
        "places": sorted(view.places),
        "gini": view.gini,
        "top_tenth_share": view.top_tenth_share,
        "never_invited": [p.pk for p in view.never_invited],
        "under_13_share": view.under_13_share,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--prefix", default="synthetic")
    parser.add_argument(
        "--before", default="", help="folder holding inclusion_before/ (the old code, copied)"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.http import HttpResponse
    from django.template import engines
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coproduce.core.forms import period_from
    from coproduce.core.tenancy import all_organisations, organisation_scope
    from coproduce.monitoring import selectors, views
    from coproduce.organisations.models import Membership
    from coproduce.projects import selectors as projects
    from coproduce.projects.models import Attendance

    load_before = os.getloadavg()
    with all_organisations():
        staff = Membership.objects.select_related("user").get(
            user__username=f"{args.prefix}-001-s2"
        )
        org = staff.organisation
        _form, start, end = period_from({})  # the page's default: the last twelve months
        rows = Attendance.objects.filter(organisation=org).count()
        people = Membership.objects.filter(organisation=org, role="young_person").count()

    def build(inclusion_of: Callable[..., Any]) -> Any:
        with organisation_scope(org):
            return inclusion_of(org, start, end)

    def timed(run: Callable[[], Any]) -> tuple[float, int]:
        for _ in range(2):
            run()
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            run()
            times.append((time.perf_counter() - began) * 1000)
        with CaptureQueriesContext(connection) as ran:
            run()
        return statistics.median(times), len(ran)

    client = Client()
    client.force_login(staff.user)
    url = "/monitoring/inclusion/"

    def page() -> None:
        assert client.get(url).status_code == 200

    before_of: Callable[..., Any] | None = None
    before_page: Callable[[], None] | None = None
    if args.before:
        sys.path.insert(0, args.before)
        from inclusion_before import selectors as old  # type: ignore[import-not-found]

        old_inclusion_of: Callable[..., Any] = old.inclusion_of
        before_of = old_inclusion_of
        template = engines["django"].from_string(
            (Path(args.before) / "inclusion_before" / "inclusion.html").read_text()
        )
        render = views.render  # type: ignore[attr-defined]

        def old_render(request: Any, name: str, context: dict[str, Any]) -> HttpResponse:
            if name == "monitoring/inclusion.html":
                return HttpResponse(template.render(context, request))
            return render(request, name, context)

        def old_places_in_period(**kwargs: Any) -> dict[int, int]:
            # "Asked too often" read every register row before too (places_taken).
            return {p: n for p, (n, _asked) in projects.places_taken(**kwargs).items() if n}

        in_period = projects.places_in_period

        @contextlib.contextmanager
        def as_before() -> Iterator[None]:
            # The same view, middleware and client, with the old selector and template.
            patched, saved = vars(views), {"sel": selectors, "render": render}
            patched.update(sel=types.SimpleNamespace(inclusion_of=old_inclusion_of))
            patched.update(render=old_render)
            vars(projects)["places_in_period"] = old_places_in_period
            try:
                yield
            finally:
                patched.update(saved)
                vars(projects)["places_in_period"] = in_period

        def old_page() -> None:
            with as_before():
                page()

        before_page = old_page
        old_figures = _figures(build(old_inclusion_of))
        assert old_figures == _figures(build(selectors.inclusion_of)), "the figures differ"

    rounds = []
    for _ in range(3):
        rounds.append(
            (
                timed(partial(build, before_of)) if before_of else (0.0, 0),
                timed(lambda: build(selectors.inclusion_of)),
                timed(before_page) if before_page else (0.0, 0),
                timed(page),
            )
        )

    def median(i: int) -> tuple[float, int]:
        return statistics.median(r[i][0] for r in rounds), rounds[0][i][1]

    (data_before, q_before), (data_after, q_after) = median(0), median(1)
    (page_before, pq_before), (page_after, pq_after) = median(2), median(3)
    view = build(selectors.inclusion_of)

    def ratio(after: float, before: float) -> str:
        return f"{after / before:.2f}" if before else "–"

    print(
        "| database | size | young people | attendance rows | never invited | data ms before "
        "| after | ratio | queries before | after | page ms before | after | ratio "
        "| page queries before | after |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {connection.vendor} | {args.size} | {people:,} | {rows:,} | "
        f"{len(view.never_invited):,} | {data_before:.1f} | {data_after:.1f} | "
        f"{ratio(data_after, data_before)} | {q_before} | {q_after} | {page_before:.1f} | "
        f"{page_after:.1f} | {ratio(page_after, page_before)} | {pq_before} | {pq_after} |"
    )
    load_after = os.getloadavg()
    print(
        "load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; at the end: "
        + ", ".join(f"{x:.2f}" for x in load_after)
    )


if __name__ == "__main__":
    main()
