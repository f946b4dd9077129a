"""Posting with and without an entry's single-column debit and credit indexes (credits
migration 0011 dropped them: `(debit, created_at)` and `(credit, created_at)` cover them),
taking turns in one process on a generated database: the indexes put back, N postings through
`services.credits_award` (the real path), the indexes dropped, N postings; three rounds, the
median of each. The database is left without them, as migrated.

    DEBUG=true DATABASE_URL=sqlite:///$PWD/var/bench/small.sqlite3 \\
        uv run python bench/entry_indexes_bench.py --posts 300
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_council \\
        uv run python bench/entry_indexes_bench.py --posts 300

Each posting adds two ledger legs to the database it runs on (reason "bench").
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")

INDEXES = {"credit": "credits_entry_credit_id_75c5d031", "debit": "credits_entry_debit_id_8a74b209"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from coproduce.core.tenancy import all_organisations
    from coproduce.credits import services
    from coproduce.organisations.models import Membership, Organisation

    keys = itertools.count()
    run = f"{time.time():.0f}"
    with all_organisations():
        org = Organisation.objects.order_by("pk").first()
        assert org is not None, "generate a synthetic size first"
        staff = (
            Membership.objects.filter(organisation=org, role="practitioner")
            .select_related("user")
            .first()
        )
        assert staff is not None
        people = list(Membership.objects.filter(organisation=org, role="young_person")[:200])

        def post(n: int) -> float:
            started = time.perf_counter()
            for i in range(n):
                services.credits_award(
                    acting_user=staff.user,
                    membership=people[i % len(people)],
                    minutes=1,
                    reason="bench",
                    idempotency_key=f"entry-indexes-{run}-{next(keys)}",
                )
            return n / (time.perf_counter() - started)

        def indexes(present: bool) -> None:
            with connection.cursor() as cursor:
                for field, name in INDEXES.items():
                    cursor.execute(
                        f'CREATE INDEX IF NOT EXISTS "{name}" ON "credits_entry" ("{field}_id")'
                        if present
                        else f'DROP INDEX IF EXISTS "{name}"'
                    )

        post(50)  # warm up
        rates: dict[bool, list[float]] = {True: [], False: []}
        load = os.getloadavg()[0]
        for _ in range(args.rounds):
            for present in (True, False):
                indexes(present)
                rates[present].append(post(args.posts))
        indexes(False)
    print("| database | with the two indexes (postings/s) | without | ratio | load |")
    print("|---|---|---|---|---|")
    with_, without = (statistics.median(rates[p]) for p in (True, False))
    shown = {p: ", ".join(f"{r:.0f}" for r in rates[p]) for p in rates}
    print(
        f"| {connection.vendor} | {shown[True]} (median {with_:.0f}) | {shown[False]} (median"
        f" {without:.0f}) | {without / with_:.2f} | {load:.1f} → {os.getloadavg()[0]:.1f} |"
    )


if __name__ == "__main__":
    main()
