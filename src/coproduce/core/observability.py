"""Request ids, one JSON log line per request, and error reporting without personal data.

Every request gets an id (a caller's `X-Request-ID` when it looks safe, else a new one),
returned in the `X-Request-ID` header, added to every log line written while the request
runs and to error reports, and shown on error pages so a person can quote it.
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

logger = logging.getLogger("coproduce.request")

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits, dot, dash and underscore only: an id we log and echo must not carry
# markup, spaces or new lines (log injection, header splitting).
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")
# Probes from load balancers arrive every few seconds: logged only when they fail.
QUIET_PATHS = frozenset({"/healthz", "/readyz"})
# URL parts that may hold a secret (password-reset keys, sign-in codes) are not logged.
SECRET_KWARGS = ("key", "token", "uid", "code", "secret")

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def request_id_for(request: HttpRequest) -> str:
    return getattr(request, "request_id", "") or request_id_var.get()


def _incoming_or_new_id(request: HttpRequest) -> str:
    incoming = str(request.META.get("HTTP_X_REQUEST_ID", ""))  # not request.headers: it copies all
    if SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return os.urandom(16).hex()  # as random as uuid4().hex, in a fifth of the time


def _loggable_path(request: HttpRequest) -> str:
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if isinstance(value, str) and value and any(s in name.lower() for s in SECRET_KWARGS):
                path = path.replace(value, "<redacted>")
    return path


def _ids(request: HttpRequest) -> tuple[int | None, int | None]:
    """The signed-in person's id and their organisation's id; never names or e-mails."""
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    organisation = getattr(request, "organisation", None)
    return user_id, getattr(organisation, "pk", None)


class RequestLogMiddleware:
    """First in MIDDLEWARE: sees every request, including redirects and static files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _incoming_or_new_id(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            if request.path not in QUIET_PATHS or response.status_code != 200:
                user_id, organisation_id = _ids(request)
                path = _loggable_path(request)
                logger.info(
                    "%s %s %s",
                    request.method,
                    path,
                    response.status_code,
                    extra={
                        "request_id": request_id,
                        "method": request.method,
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "user_id": user_id,
                        "organisation_id": organisation_id,
                    },
                )
            return response
        finally:
            request_id_var.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every log record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            # Django logs an error response after the middleware has returned: its record
            # carries the request, which carries the id.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", "") or request_id_var.get()
        return True


class JsonLogFormatter(JsonFormatter):
    """One JSON object per line: time, level, logger, message, request_id and the extras;
    a traceback stays inside its line. Django attaches the whole request to some records
    (its query string may hold names): that is left out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault(
            "rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"}
        )
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "server_time", "taskName"])
        super().__init__(*args, **kwargs)


# Error reports: only what identifies the fault, never what identifies a person.
_SAFE_HEADERS = frozenset({"content-type", "content-length", "user-agent", "x-request-id"})


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """sentry-sdk `before_send`: drops request bodies, cookies, query strings and user details."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {k: v for k, v in headers.items() if k.lower() in _SAFE_HEADERS}
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    request_id = request_id_var.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_sentry(dsn: str, *, environment: str, release: str | None, traces: float) -> None:
    """Error reporting, only when a DSN is configured (called from settings)."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release,
        traces_sample_rate=traces,
        send_default_pii=False,
        include_local_variables=False,  # locals may hold a young person's record
        max_request_body_size="never",
        before_send=scrub_event,  # type: ignore[arg-type]
    )
