"""Load benchmark: requests per second of the organisation dashboard against a bare Django
view, both served by gunicorn with two workers on loopback, under the same load generator.

Run against a generated database:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_large \
        uv run python bench/load_bench.py --seconds 10 --clients 4 --rounds 3

Target (issue 8): the dashboard sustains at least a third of the bare view's requests/s.
The load comes from wrk (Debian package `wrk`, written in C, so the generator is not the
bottleneck) when it is installed, otherwise from Python threads.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8765


def load(path: str, cookie: str, seconds: float, clients: int) -> float:
    done = [0] * clients
    stop = time.perf_counter() + seconds

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        while time.perf_counter() < stop:
            conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                done[n] += 1
            else:
                raise SystemExit(f"{path} answered {response.status}")
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - started)


def load_with_wrk(path: str, cookie: str, seconds: float, clients: int) -> float:
    out = subprocess.run(
        [
            "wrk",
            f"--threads={min(clients, 2)}",
            f"--connections={clients}",
            f"--duration={max(1, round(seconds))}s",
            "--header",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"{path} answered errors under load:\n{out}")
    found = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    assert found, out
    return float(found.group(1))


def session_cookie(prefix: str) -> str:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    import django

    django.setup()
    from django.test import Client

    from coproduce.core.tenancy import all_organisations
    from coproduce.organisations.models import Membership

    with all_organisations():
        user = Membership.objects.select_related("user").get(user__username=f"{prefix}-001-s2").user
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--prefix", default="synthetic")
    args = parser.parse_args()
    cookie = session_cookie(args.prefix)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{ROOT / 'src'}:{ROOT / 'bench'}",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
            "coproduce.wsgi:application",
        ],
        env=env,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        measure = load_with_wrk if shutil.which("wrk") else load
        measure("/bench/bare/", cookie, 2, args.clients)  # warm up both workers
        measure("/", cookie, 2, args.clients)
        # Alternate the two, several rounds, and take medians: one run on a two-core machine
        # shared with the generator and the database swings by a third.
        bares, dashboards = [], []
        for _ in range(args.rounds):
            bares.append(measure("/bench/bare/", cookie, args.seconds, args.clients))
            dashboards.append(measure("/", cookie, args.seconds, args.clients))
        bare, dashboard = statistics.median(bares), statistics.median(dashboards)
    finally:
        server.terminate()
        server.wait()
    from django.db import connection

    tool = "wrk" if shutil.which("wrk") else "Python threads"
    verdict = "met" if dashboard / bare >= 1 / 3 else "missed"
    print("| database | load from | bare view req/s | dashboard req/s | ratio | target ≥ 0.33 |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {connection.vendor} | {tool} | {bare:.0f} | {dashboard:.0f} | {dashboard / bare:.2f} | {verdict} |"
    )


if __name__ == "__main__":
    main()
