"""Ledger benchmark: posting throughput and balance-read time with ~1,000,000 legs.

Run:  uv run python bench/ledger_bench.py [--legs 1000000]
      DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench uv run python bench/ledger_bench.py

It builds a throw-away test database (Django's test runner machinery), bulk-loads
entries until the ledger holds the requested number of legs (two legs per entry),
then measures through the real posting path (ledger.post, one transaction each) and the
constant-time balance read. Figures are printed as a Markdown table row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--legs", type=int, default=1_000_000)
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import get_runner, setup_test_environment
    from django_scopes import scopes_disabled

    setup_test_environment()
    from django.conf import settings

    if connection.vendor == "sqlite":
        # A file, as in production, not the test runner's in-memory database.
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench.sqlite3")

    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        with scopes_disabled():
            run(args.legs, args.posts, connection.vendor)
    finally:
        runner.teardown_databases(old)


def run(legs: int, posts: int, vendor: str) -> None:
    from django.utils import timezone
    from tests.factories import MembershipFactory, OrganisationFactory, YoungPersonFactory

    from coproduce.credits import ledger, services
    from coproduce.credits.models import Account, Category, Entry
    from coproduce.credits.selectors import balance_of

    org = OrganisationFactory.create()
    staff = MembershipFactory.create(organisation=org)
    people = [YoungPersonFactory.create(organisation=org) for _ in range(200)]
    issuing = ledger.issuing_account(org)
    accounts = [ledger.account_of(p) for p in people]

    entries_needed = legs // 2
    started = time.perf_counter()
    now = timezone.now()
    batch = []
    per_account = entries_needed // len(accounts)
    for i in range(entries_needed):
        acct = accounts[i % len(accounts)]
        batch.append(
            Entry(
                organisation=org,
                debit=issuing,
                credit=acct,
                minutes=15,
                category=Category.IMPORT,
                reason="bench load",
                acting_user=staff.user,
                idempotency_key=f"load:{i}",
                created_at=now,
            )
        )
        if len(batch) == 20000:
            Entry.objects.bulk_create(batch)
            batch = []
    if batch:
        Entry.objects.bulk_create(batch)
    # Bring the cached balances in line with what was bulk-loaded.
    for n, acct in enumerate(accounts):
        count = per_account + (1 if n < entries_needed % len(accounts) else 0)
        Account.objects.filter(pk=acct.pk).update(balance=count * 15, lifetime_minutes=count * 15)
    Account.objects.filter(pk=issuing.pk).update(balance=-entries_needed * 15)
    load_seconds = time.perf_counter() - started

    post_times = []
    t0 = time.perf_counter()
    for i in range(posts):
        s = time.perf_counter()
        services.credits_award(
            acting_user=staff.user,
            membership=people[i % len(people)],
            minutes=15,
            reason="bench post",
            idempotency_key=f"post:{i}",
        )
        post_times.append(time.perf_counter() - s)
    total = time.perf_counter() - t0

    reads = []
    for i in range(2000):
        s = time.perf_counter()
        balance_of(people[i % len(people)])
        reads.append(time.perf_counter() - s)

    from coproduce.credits.selectors import verify

    v0 = time.perf_counter()
    problems = verify(organisation=org)
    verify_seconds = time.perf_counter() - v0
    legs_now = Entry.objects.count() * 2
    print(
        "| database | legs | load (s) | postings/s | median post (ms) | median balance read (ms) | verify (s) | mismatches |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {vendor} | {legs_now:,} | {load_seconds:.1f} | {posts / total:.0f} | "
        f"{statistics.median(post_times) * 1000:.2f} | {statistics.median(reads) * 1000:.3f} | "
        f"{verify_seconds:.1f} | {len(problems)} |"
    )


if __name__ == "__main__":
    main()
