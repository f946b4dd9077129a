"""Load benchmark: requests per second of a true hello-world Django app (bench/hello_world.py:
CommonMiddleware only), the project's signed-in bare view (/bench/bare/: every middleware,
the session, the person and their memberships) and the organisation dashboard, each served by
gunicorn with two sync workers on loopback, taking turns under the same load generator.

Run against a generated database (REDIS_URL set is production's shared cache, which turns the
member cache on):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_large REDIS_URL=redis://127.0.0.1:6379/8 \
        uv run python bench/load_bench.py --seconds 10 --clients 4 --rounds 3

Targets (issue 25): bare view ≥ 0.5 × hello-world, dashboard ≥ 0.15 × hello-world (and, from
issue 8, the dashboard ≥ a third of the bare view). The load comes from wrk (Debian package
`wrk`, written in C, so the generator is not the bottleneck) when it is installed, otherwise
from Python threads.
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
HELLO_PORT = 8766


def load(port: int, path: str, cookie: str, seconds: float, clients: int) -> float:
    done = [0] * clients
    stop = time.perf_counter() + seconds

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
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


def load_with_wrk(port: int, path: str, cookie: str, seconds: float, clients: int) -> float:
    out = subprocess.run(
        [
            "wrk",
            f"--threads={min(clients, 2)}",
            f"--connections={clients}",
            f"--duration={max(1, round(seconds))}s",
            "--header",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{port}{path}",
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
    # A browser sends back the CSRF cookie the first page set; without it every page would
    # make a new CSRF secret and set the cookie again, which no signed-in person's browser does.
    client.get("/", HTTP_HOST="127.0.0.1")
    return "; ".join(f"{name}={client.cookies[name].value}" for name in ("sessionid", "csrftoken"))


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
    gunicorn = [sys.executable, "-m", "gunicorn", "--workers", "2", "--log-level", "warning"]
    # The servers' output (the project's log line per request) goes to a file, as it would
    # to a log collector, not through this terminal: a terminal is a slow and variable sink.
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    log = (ROOT / "var" / "bench" / "load_bench.log").open("w")
    servers = [
        subprocess.Popen(
            [*gunicorn, "--bind", f"127.0.0.1:{PORT}", "coproduce.wsgi:application"],
            env=env,
            stdout=log,
            stderr=log,
        ),
        subprocess.Popen(
            [
                *gunicorn,
                "--bind",
                f"127.0.0.1:{HELLO_PORT}",
                "--chdir",
                str(ROOT / "bench"),
                "hello_world:application",
            ],
            env=env,
            stdout=log,
            stderr=log,
        ),
    ]
    pages = {
        "hello-world": (HELLO_PORT, "/hello/"),
        "bare view": (PORT, "/bench/bare/"),
        "dashboard": (PORT, "/"),
    }
    try:
        for port, health in ((PORT, "/healthz"), (HELLO_PORT, "/hello/")):
            for _ in range(100):
                try:
                    http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", health)
                    break
                except OSError:
                    time.sleep(0.2)
        measure = load_with_wrk if shutil.which("wrk") else load
        for port, path in pages.values():  # warm up both workers of each
            measure(port, path, cookie, 2, args.clients)
        # Take turns, several rounds, and take medians: one run on a two-core machine shared
        # with the generator and the database swings by a third.
        rates: dict[str, list[float]] = {name: [] for name in pages}
        for _ in range(args.rounds):
            for name, (port, path) in pages.items():
                rates[name].append(measure(port, path, cookie, args.seconds, args.clients))
        hello, bare, dashboard = (statistics.median(rates[name]) for name in pages)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        log.close()
    from django.conf import settings
    from django.db import connection

    tool = "wrk" if shutil.which("wrk") else "Python threads"
    cache = "Redis" if settings.REDIS_URL else "database"

    def verdict(ratio: float, target: float) -> str:
        return f"{ratio:.2f} ({'met' if ratio >= target else 'missed'})"

    print(
        "| database | shared cache | load from | hello-world req/s | bare view req/s | dashboard req/s"
        " | bare ÷ hello (≥ 0.5) | dashboard ÷ hello (≥ 0.15) | dashboard ÷ bare (≥ 0.33) | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {connection.vendor} | {cache} | {tool} | {hello:.0f} | {bare:.0f} | {dashboard:.0f}"
        f" | {verdict(bare / hello, 0.5)} | {verdict(dashboard / hello, 0.15)}"
        f" | {verdict(dashboard / bare, 1 / 3)} | {os.getloadavg()[0]:.1f} |"
    )


if __name__ == "__main__":
    main()
