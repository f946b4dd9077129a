"""Ledger posting against its floor, in the same run: the project's posting
(`services.credits_award`, the real path) beside a raw-SQL double-entry posting (lock both
accounts in id order, insert the entry, update two balances, commit) on the same database,
with 1 and with 4 worker processes all posting to the organisation's one issuing account.

Run:  DEBUG=true uv run python bench/ledger_floor_bench.py [--posts 400] [--rounds 2]
      DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
          uv run python bench/ledger_floor_bench.py

It builds a throw-away database with Django's test-runner machinery (test_bench on
PostgreSQL; a file under var/ on SQLite), 200 young people, then takes turns: floor and
project, 1 worker then 4, for --rounds rounds; each figure is the median postings per second
over the rounds. Afterwards every balance is recomputed from the entries (ledger-verify).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

PEOPLE = 200
MINUTES = 15  # 200 people × 15 min: nobody reaches a milestone in a default run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=400, help="postings per measurement")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", default="1,4")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, connections
    from django.test.utils import get_runner, setup_test_environment
    from django_scopes import scopes_disabled

    setup_test_environment()
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench_ledger.sqlite3")
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        with scopes_disabled():
            ids = prepare()
        connections.close_all()  # each worker process opens its own
        results: dict[tuple[str, int], list[float]] = {}
        for n in range(args.rounds):
            for workers in [int(w) for w in args.workers.split(",")]:
                for kind in ("floor", "project"):
                    rate = measure(kind, workers, args.posts, ids, f"{kind}-r{n}w{workers}")
                    results.setdefault((kind, workers), []).append(rate)
        with scopes_disabled():
            from coproduce.credits.selectors import verify

            problems = verify(organisation=None)
            statements = count_statements(ids)
        report(connection.vendor, results, problems, statements, args)
    finally:
        connections.close_all()
        runner.teardown_databases(old)


def prepare() -> dict[str, Any]:
    from tests.factories import MembershipFactory, OrganisationFactory, YoungPersonFactory

    from coproduce.credits import ledger

    org = OrganisationFactory.create()
    staff = MembershipFactory.create(organisation=org)
    people = [YoungPersonFactory.create(organisation=org) for _ in range(PEOPLE)]
    issuing = ledger.issuing_account(org)
    accounts = [ledger.account_of(p).pk for p in people]
    return {
        "org": org.pk,
        "user": staff.user_id,
        "people": [p.pk for p in people],
        "issuing": issuing.pk,
        "accounts": accounts,
    }


def measure(kind: str, workers: int, posts: int, ids: dict[str, Any], tag: str) -> float:
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Barrier(workers + 1)
    done = ctx.Queue()
    share = [posts // workers + (w < posts % workers) for w in range(workers)]
    procs = [
        ctx.Process(target=worker, args=(kind, w, share[w], ids, f"{tag}w{w}", ready, done))
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    ready.wait()  # every worker connected and loaded what it needs
    started = time.perf_counter()
    finished = [done.get() for _ in procs]
    elapsed = max(finished) - started
    for p in procs:
        p.join()
        assert p.exitcode == 0, f"a {kind} worker failed"
    return posts / elapsed


def worker(
    kind: str, w: int, count: int, ids: dict[str, Any], tag: str, ready: Any, done: Any
) -> None:
    from django.db import connection
    from django_scopes import scopes_disabled

    with scopes_disabled():
        post = project_poster(ids) if kind == "project" else floor_poster(ids)
        ready.wait()
        for i in range(count):
            post(w * 7919 + i, f"{tag}:{i}")
    done.put(time.perf_counter())
    connection.close()


def project_poster(ids: dict[str, Any]) -> Any:
    from coproduce.accounts.models import User
    from coproduce.credits import services
    from coproduce.organisations.models import Membership

    user = User.objects.get(pk=ids["user"])
    people = list(Membership.objects.filter(pk__in=ids["people"]).select_related("organisation"))

    def post(n: int, key: str) -> None:
        services.credits_award(
            acting_user=user,
            membership=people[n % len(people)],
            minutes=MINUTES,
            reason="bench post",
            idempotency_key=key,
        )

    return post


def floor_poster(ids: dict[str, Any]) -> Any:
    """Double entry in plain SQL on the DB-API connection: the least a posting can cost."""
    from django.db import connection
    from django.utils import timezone

    connection.ensure_connection()
    raw = connection.connection
    sqlite = connection.vendor == "sqlite"
    mark = "?" if sqlite else "%s"
    lock = f"SELECT id, balance FROM credits_account WHERE id IN ({mark}, {mark}) ORDER BY id" + (
        "" if sqlite else " FOR UPDATE"
    )
    insert = (
        "INSERT INTO credits_entry (organisation_id, debit_id, credit_id, minutes, category, "
        "reason, partner_name, acting_user_id, idempotency_key, created_at) VALUES "
        f"({', '.join([mark] * 10)})"
    )
    update = f"UPDATE credits_account SET balance = balance + {mark} WHERE id = {mark}"
    lifetime = (
        "UPDATE credits_account SET balance = balance + "
        f"{mark}, lifetime_minutes = lifetime_minutes + {mark} WHERE id = {mark}"
    )
    begin = "BEGIN IMMEDIATE" if sqlite else "BEGIN"
    issuing, accounts = ids["issuing"], ids["accounts"]

    def post(n: int, key: str) -> None:
        credit = accounts[n % len(accounts)]
        now = timezone.now()
        cur = raw.cursor()
        cur.execute(begin)
        cur.execute(lock, (min(issuing, credit), max(issuing, credit)))
        cur.fetchall()
        cur.execute(
            insert,
            (ids["org"], issuing, credit, MINUTES, "award", "floor", "", ids["user"], key, now),
        )
        cur.execute(update, (-MINUTES, issuing))
        cur.execute(lifetime, (MINUTES, MINUTES, credit))
        cur.execute("COMMIT")
        cur.close()

    if not sqlite:
        raw.autocommit = True  # BEGIN and COMMIT are sent as statements, as above
    return post


def count_statements(ids: dict[str, Any]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    post = project_poster(ids)
    post(0, "count:warm")
    with CaptureQueriesContext(connection) as captured:
        post(0, "count:one")
    return len(captured)


def report(
    vendor: str,
    results: dict[tuple[str, int], list[float]],
    problems: list[Any],
    statements: int,
    args: argparse.Namespace,
) -> None:
    with open("/proc/loadavg", encoding="utf-8") as handle:
        load = handle.read().split()[:3]
    print(f"load average after: {' '.join(load)}; statements per project posting: {statements}")
    print("| database | workers | floor postings/s | project postings/s | project ÷ floor |")
    print("|---|---|---|---|---|")
    for workers in [int(w) for w in args.workers.split(",")]:
        floor = statistics.median(results[("floor", workers)])
        project = statistics.median(results[("project", workers)])
        print(f"| {vendor} | {workers} | {floor:.0f} | {project:.0f} | {project / floor:.2f} |")
    print(f"ledger verify: {len(problems)} mismatches")


if __name__ == "__main__":
    main()
