"""Project page benchmark (issue 25): the staff project page of one project with many ideas,
sessions and attendances, timed in process through Django's test client with DEBUG off.

Run (builds its own SQLite database under var/bench/ the first time):
    DEBUG=true uv run python bench/project_page_bench.py --runs 30

With --before DIR it also times an older copy of the page, interleaving the two request by
request so both see the same machine load. DIR holds `view_before.py` (the old view module,
rendering `projects/detail_before.html`) and `projects/detail_before.html` (the old template);
the copies are made by hand before a change, e.g. under var/bench/project_page_before/.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
DATABASE = ROOT / "var" / "bench" / "project_page.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATABASE}")

IDEAS = 36
SESSIONS = 30
YOUNG_PEOPLE = 12


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--before", default="", help="directory with the old view and template")
    args = parser.parse_args()

    import logging

    import django
    from django.conf import settings

    logging.disable(logging.INFO)  # no request log lines between the figures

    before = Path(args.before).resolve() if args.before else None
    if before is not None:
        engine: dict[str, Any] = settings.TEMPLATES[0]
        engine["DIRS"] = [str(before), *engine["DIRS"]]
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    project_id, username = _data()
    urlconf = _urls(before)
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF=urlconf):
        results = _measure(project_id, username, args.runs, before is not None)
    print("| page | median ms | min ms | queries | bytes |\n|---|---|---|---|---|")
    for name, (median, fastest, queries, size) in results.items():
        print(f"| {name} | {median:.1f} | {fastest:.1f} | {queries} | {size:,} |")
    if "before" in results:
        ratio = results["after"][0] / results["before"][0]
        print(f"\nafter ÷ before (medians): {ratio:.2f}")


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("project_page_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _urls(before: Path | None) -> ModuleType:
    import bare_urls
    from django.urls import path

    urls = ModuleType("project_page_bench_urls")
    patterns: list[Any] = list(bare_urls.urlpatterns)
    if before is not None:
        old = _load(before / "view_before.py")
        patterns.insert(0, path("before/<int:project_id>/", old.project_detail))
    urls.urlpatterns = patterns  # type: ignore[attr-defined]
    return urls


def _data() -> tuple[int, str]:
    """One organisation, a practitioner and a project: IDEAS ideas (two in three answered,
    every decision), SESSIONS sessions with a register, roles and six months of hours."""
    from django.db import transaction

    from coproduce.accounts.models import User
    from coproduce.core.tenancy import all_organisations
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.organisations.roles import Role
    from coproduce.projects import services
    from coproduce.projects.models import Project, Status

    with all_organisations(), transaction.atomic():
        existing = Project.objects.filter(name="Bench project").first()
        if existing is not None:
            staff = Membership.objects.get(
                organisation=existing.organisation, role=Role.PRACTITIONER
            )
            return existing.pk, staff.user.username
        org = Organisation.objects.create(name="Bench Youth Service", slug="bench-youth")
        user = User.objects.create_user(username="bench-staff", first_name="Sam")
        staff = Membership.objects.create(organisation=org, user=user, role=Role.PRACTITIONER)
        young = [
            Membership.objects.create(
                organisation=org,
                role=Role.YOUNG_PERSON,
                user=User.objects.create_user(
                    username=f"bench-young-{n}",
                    first_name=f"Young{n}",
                    date_of_birth=datetime.date(2010, 1, 1),
                ),
            )
            for n in range(YOUNG_PEOPLE)
        ]
        project = services.project_create(
            acting_user=user, organisation=org, name="Bench project", aims="Measure the page"
        )
        for n in range(3):
            services.role_create(
                acting_user=user,
                project=project,
                title=f"Role {n}",
                expectations="Come along and help plan the club.",
                tasks="Plan sessions and talk to the manager.",
                meeting_frequency="Weekly",
                duration="Six months",
            )
        start = datetime.date(2026, 3, 6)
        for n in range(SESSIONS):
            session = services.session_record(
                acting_user=user,
                project=project,
                date=start + datetime.timedelta(days=7 * n),
                duration_minutes=90,
                activity=f"Planning session {n}",
            )
            services.attendance_record(
                acting_user=user,
                session=session,
                entries=[(p, (n + i) % 3 != 0, 1 + (n + i) % 8) for i, p in enumerate(young)],
            )
        for n in range(6):
            services.monthly_hours_record(
                acting_user=user,
                project=project,
                month=datetime.date(2026, 3 + n, 1),
                staff_hours=Decimal(40 - n),
                young_people_hours=Decimal(10 + n),
            )
        decisions = [Status.ADOPTED, Status.PARTLY_ADOPTED, Status.NOT_ADOPTED, None]
        for n in range(IDEAS):
            idea = services.idea_record(
                acting_user=user,
                project=project,
                text=f"Idea number {n}: open the club on Saturday afternoons too.",
                source="session",
                author=young[n % YOUNG_PEOPLE],
                owner=staff,
            )
            status = decisions[n % len(decisions)]
            if status is not None:
                services.response_give(
                    acting_user=user,
                    ideas=[idea],
                    status=status,
                    action="We talked to the manager.",
                    reason="The building is shut." if status == Status.NOT_ADOPTED else "",
                )
        return project.pk, user.username


def _measure(
    project_id: int, username: str, runs: int, with_before: bool
) -> dict[str, tuple[float, float, int, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coproduce.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    urls = {"after": f"/projects/{project_id}/"}
    if with_before:
        urls = {"before": f"/before/{project_id}/", **urls}
    times: dict[str, list[float]] = {name: [] for name in urls}
    for url in urls.values():
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
    for _ in range(runs):
        for name, url in urls.items():
            started = time.perf_counter()
            client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
    results = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            size = len(client.get(url).content)
        results[name] = (
            statistics.median(times[name]),
            min(times[name]),
            len(queries.captured_queries),
            size,
        )
    return results


if __name__ == "__main__":
    main()
