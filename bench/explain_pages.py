"""EXPLAIN ANALYZE every query a page makes, on PostgreSQL: which of them grow with the
organisation's size. Captures each page's queries through Django's test client
(CaptureQueriesContext), then runs EXPLAIN (ANALYZE, BUFFERS) on each and prints its execution
time, slowest first.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_council \
        uv run python bench/explain_pages.py [--page NAME] [--plans] [--min-ms 1]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", default="synthetic")
    parser.add_argument("--page", default="", help="only pages whose name contains this")
    parser.add_argument("--plans", action="store_true", help="print the plans too")
    parser.add_argument("--min-ms", type=float, default=0.0)
    parser.add_argument("--repeat", type=int, default=3, help="best of N EXPLAIN ANALYZE runs")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from pages_bench import pages_for

    for name, client, url in pages_for(args.prefix):
        if args.page and args.page not in name:
            continue
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        rows = []
        for query in captured.captured_queries:
            sql = query["sql"]
            if not re.match(r"\s*(SELECT|WITH)", sql, re.I):
                continue
            best, plan = None, ""
            for _ in range(args.repeat):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    lines = [r[0] for r in cursor.fetchall()]
                found = re.search(r"Execution Time: ([\d.]+)", lines[-1])
                ms = float(found.group(1)) if found else 0.0
                if best is None or ms < best:
                    best, plan = ms, "\n".join(lines)
            rows.append((best or 0.0, sql, plan))
        total = sum(r[0] for r in rows)
        print(
            f"\n## {name} {url}: {len(captured.captured_queries)} queries, "
            f"sum of execution {total:.1f} ms"
        )
        for ms, sql, plan in sorted(rows, key=lambda r: -r[0]):
            if ms < args.min_ms:
                continue
            print(f"- {ms:8.2f} ms  {sql[:300]}")
            if args.plans:
                print("    " + plan.replace("\n", "\n    "))


if __name__ == "__main__":
    main()
