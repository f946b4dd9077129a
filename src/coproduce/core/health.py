"""Health for load balancers: `/healthz` (the process is alive) and `/readyz` (it can serve).

A load balancer probes over plain HTTP and often by IP address: ProbeMiddleware answers both
paths before the HTTPS redirect and the ALLOWED_HOSTS check (neither answer uses the host).
The URLs are in urls.py too (and exempt from the redirect) for when it is not installed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# A file every page links to: if the manifest cannot name it, pages answer 500.
STATIC_PROBE = "css/app.css"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Alive: answers without touching the database, so it stays cheap under load."""
    return JsonResponse({"status": "ok", "database": connection.vendor})


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    ok = cache.get(key) == value
    cache.delete(key)
    if not ok:
        raise RuntimeError("the cache did not keep a value")
    return "ok"


def _storage() -> str:
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ready"))
    try:
        with default_storage.open(name) as handle:
            if handle.read() != b"ready":
                raise RuntimeError("the storage returned something else")
    finally:
        default_storage.delete(name)
    return "ok"


def _static() -> str:
    if not isinstance(staticfiles_storage, ManifestFilesMixin) or settings.DEBUG:
        return "skipped"  # unhashed names: no manifest to check
    staticfiles_storage.stored_name(STATIC_PROBE)  # ValueError when collectstatic has not run
    return "ok"


def _worker() -> str:
    """Tasks waiting longer than READYZ_TASK_BACKLOG_MINUTES mean no worker is running."""
    if not apps.is_installed("django_tasks_db"):
        return "skipped"
    from django_tasks_db.models import DBTaskResult as model
    from django_tasks_db.models import get_date_max

    if model._meta.db_table not in connection.introspection.table_names():
        return "skipped"

    cutoff = timezone.now() - timedelta(minutes=settings.READYZ_TASK_BACKLOG_MINUTES)
    # A task without a start time waits from when it was queued; a delayed one from then.
    late = model.objects.filter(status="READY").filter(
        Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff)
    )
    waiting = late.count()
    if waiting > settings.READYZ_TASK_BACKLOG_MAX:
        raise RuntimeError(f"{waiting} tasks waiting")
    return "ok"


CHECKS: dict[str, Callable[[], str]] = {
    "database": _database,
    "cache": _cache,
    "storage": _storage,
    "static": _static,
    "worker": _worker,
}


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready: each dependency answers; 503 naming the checks that failed."""
    checks: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            checks[name] = check()
        except Exception:  # any failure means not ready; the reason goes to the log
            logger.warning("readyz: %s check failed", name, exc_info=True)
            checks[name] = "failed"
    failed = [name for name, result in checks.items() if result == "failed"]
    return JsonResponse(
        {"status": "error" if failed else "ok", "checks": checks, "failed": failed},
        status=503 if failed else 200,
    )


PROBES: dict[str, Callable[[HttpRequest], JsonResponse]] = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Early in MIDDLEWARE: /healthz and /readyz whatever the scheme and Host header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in {"GET", "HEAD"}:
            return probe(request)
        return self.get_response(request)
