"""Per-request cost, in one process: a true hello-world (CommonMiddleware only, one view) against
the project's signed-in bare view (every middleware: session, person, memberships, tenancy),
with the member cache off and on, taking turns in the same run.

    DEBUG=true uv run python bench/request_bench.py                       # SQLite, locmem cache
    DEBUG=true REDIS_URL=redis://127.0.0.1:6379/8 uv run python bench/request_bench.py

It makes (once) a database var/bench/request.sqlite3 with one organisation and a practitioner,
unless DATABASE_URL names another. Times are the handler's, in process: no network, no gunicorn,
so the hello-world floor is as low as it gets and the ratio shows what the project adds.
Issue 25's target: the bare view at ≥ 0.5 × hello-world's requests per second.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench' / 'request.sqlite3'}")
(ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world")


urlpatterns = [path("hello/", hello)]


def _member_cookie() -> str:
    from coproduce.core.tenancy import all_organisations
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.organisations.roles import Role

    call_command("migrate", verbosity=0)
    with all_organisations():
        membership = Membership.objects.filter(user__username="bench-practitioner").first()
        if membership is None:
            from django.contrib.auth import get_user_model

            organisation = Organisation.objects.create(name="Bench Youth Service", slug="bench")
            user = get_user_model().objects.create_user("bench-practitioner", password=None)
            membership = Membership.objects.create(
                organisation=organisation, user=user, role=Role.PRACTITIONER
            )
    client = Client()
    client.force_login(membership.user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _timer(handler: WSGIHandler, url: str, cookie: str) -> Callable[[int], float]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": url,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }

    def start_response(status: str, headers: Any) -> None:
        if not status.startswith("200"):
            raise SystemExit(f"{url} answered {status}")

    def run(count: int) -> float:
        started = time.perf_counter()
        for _ in range(count):
            response = handler({**environ, "wsgi.input": io.BytesIO(b"")}, start_response)  # type: ignore[arg-type]
            b"".join(response)
            response.close()
        return count / (time.perf_counter() - started)

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cookie = _member_cookie()
    with override_settings(
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"], ROOT_URLCONF=__name__
    ):
        hello_handler = WSGIHandler()
    handler = WSGIHandler()
    shared = (
        {"BACKEND": "coproduce.core.redis_cache.RedisCache", "LOCATION": settings.REDIS_URL}
        if settings.REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
    runs: dict[str, Callable[[int], float]] = {
        "hello-world": _timer(hello_handler, "/hello/", cookie),
        "bare view, member cache off": _timer(handler, "/bench/bare/", cookie),
        "bare view, member cache on": _timer(handler, "/bench/bare/", cookie),
    }
    found: dict[str, list[float]] = {name: [] for name in runs}
    import logging

    logging.disable(logging.INFO)  # the request log line would measure the terminal
    for _ in range(args.rounds + 1):  # the first round warms up and is dropped
        for name, run in runs.items():
            seconds = 300 if name.endswith("on") else 0
            urls = __name__ if name == "hello-world" else settings.ROOT_URLCONF
            with override_settings(
                MEMBER_CACHE_SECONDS=seconds, CACHES={"default": shared}, ROOT_URLCONF=urls
            ):
                caches["default"].get("warm")
                found[name].append(run(args.requests))
    hello_rate = statistics.median(found["hello-world"][1:])
    cache_name = "Redis" if settings.REDIS_URL else "locmem"
    print(
        f"| view ({settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, {cache_name}) "
        "| requests/s | ms each | × hello-world |"
    )
    print("|---|---|---|---|")
    for name, rates in found.items():
        rate = statistics.median(rates[1:])
        print(f"| {name} | {rate:.0f} | {1000 / rate:.2f} | {rate / hello_rate:.2f} |")
    print(f"\nload average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
