"""Production serving: required settings, gunicorn, static files, health, request logs, errors
reported without personal data."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coproduce.cli import gunicorn_args
from coproduce.core.observability import JsonLogFormatter, RequestIdFilter, scrub_event
from coproduce.organisations.models import Membership
from tests.conftest import client_for

PRODUCTION_NAMES = ("SECRET_KEY", "ALLOWED_HOSTS", "FIELD_ENCRYPTION_KEYS")


def run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "MFA_ENCRYPTION_KEY", "DATABASE_URL", "SENTRY_DSN"}
        and not k.startswith(PRODUCTION_NAMES)
    }
    clean.update(DJANGO_SETTINGS_MODULE="coproduce.settings", COPRODUCE_VAR_DIR=str(tmp_path))
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=120
    )


def test_it_is_production_when_debug_is_not_set_and_names_every_missing_setting(
    tmp_path: Path,
) -> None:
    result = run_python("import django; django.setup()", tmp_path)
    assert result.returncode != 0
    for name in PRODUCTION_NAMES:
        assert name in result.stderr


def test_it_starts_in_production_once_its_settings_are_given(tmp_path: Path) -> None:
    result = run_python(
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.STORAGES['staticfiles'])",
        tmp_path,
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="coproduce.example",
        FIELD_ENCRYPTION_KEYS="field-key-1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False True")
    assert "coproduce.core.static_storage.StaticFilesStorage" in result.stdout


def test_serve_names_the_missing_settings_instead_of_starting(tmp_path: Path) -> None:
    result = run_python(
        "from coproduce.cli import main; main(['serve', '127.0.0.1:0'])", tmp_path, DEBUG="false"
    )
    assert result.returncode == 1
    assert "coproduce serve:" in result.stderr
    for name in PRODUCTION_NAMES:
        assert name in result.stderr
    assert "gunicorn" not in result.stderr.lower()


def test_serve_runs_gunicorn_with_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "90")
    monkeypatch.setenv("PORT", "9001")
    args = gunicorn_args()
    assert args[0] == "coproduce.wsgi:application"
    assert "--bind=0.0.0.0:9001" in args
    assert "--workers=3" in args and "--timeout=90" in args
    assert "--bind=127.0.0.1:8000" in gunicorn_args("127.0.0.1:8000")


def test_it_serves_pages_and_hashed_static_files_with_debug_off(
    db: None, settings: Any, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "coproduce.core.static_storage.StaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    response = Client().get("/auth/login/")
    assert response.status_code == 200
    css = next(
        part.split('"')[0]
        for part in response.content.decode().split('href="')
        if part.startswith("/static/css/app.")
    )
    assert css != "/static/css/app.css", "a hashed name, cached for ever"
    assert f'href="{css}"' in Client().get("/auth/login/").content.decode(), "the same again"
    static = Client().get(css)
    assert static.status_code == 200
    assert "immutable" in static["Cache-Control"]
    static.close()


def test_healthz_answers_over_plain_http_when_https_is_enforced(db: None, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/healthz").status_code == 200
    assert Client().get("/readyz").status_code == 200
    assert Client().get("/auth/login/").status_code == 301


def test_probes_answer_whatever_the_host_header_says(db: None) -> None:
    # A load balancer probes by IP address, which ALLOWED_HOSTS need not list.
    assert Client().get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200
    assert Client().get("/readyz", HTTP_HOST="10.0.0.7").status_code == 200
    assert Client().get("/auth/login/", HTTP_HOST="10.0.0.7").status_code == 400


def test_readyz_checks_each_dependency(db: None) -> None:
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert set(response.json()["checks"]) == {"database", "cache", "storage", "static", "worker"}


def test_readyz_names_a_missing_static_manifest(db: None, settings: Any, tmp_path: Path) -> None:
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "coproduce.core.static_storage.StaticFilesStorage"},
    }
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["static"]


def test_readyz_names_unwritable_storage(db: None, settings: Any, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocked
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def test_readyz_names_a_worker_backlog(db: None) -> None:
    from django.apps import apps

    if not apps.is_installed("django_tasks_db"):
        pytest.skip("the database task backend is not installed")
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = DBTaskResult.objects.create(
        task_path="coproduce.example.task",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert Client().get("/readyz").status_code == 200, "a task just queued is not a backlog"
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(hours=1))
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["worker"]


def test_it_gives_each_request_an_id(db: None) -> None:
    response = Client().get("/healthz")
    generated = response["X-Request-ID"]
    assert len(generated) == 32
    echoed = Client().get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21.e4"})
    assert echoed["X-Request-ID"] == "lb-7f3a9c21.e4"
    for unsafe in ("<script>x</script>", "short", "a" * 200, "id with spaces"):
        refused = Client().get("/healthz", headers={"X-Request-ID": unsafe})
        assert refused["X-Request-ID"] != unsafe


def test_it_logs_one_json_line_per_request_with_ids_and_no_personal_data(
    practitioner: Membership, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="coproduce.request"):
        response = client_for(practitioner).get("/?q=Bob", headers={"X-Request-ID": "trace-0001"})
    records = [r for r in caplog.records if r.name == "coproduce.request"]
    assert len(records) == 1
    RequestIdFilter().filter(records[0])
    line = JsonLogFormatter().format(records[0])
    assert "\n" not in line
    logged = json.loads(line)
    assert response["X-Request-ID"] == logged["request_id"] == "trace-0001"
    assert logged["method"] == "GET" and logged["path"] == "/" and logged["status"] == 200
    assert logged["user_id"] == practitioner.user.pk
    assert logged["organisation_id"] == practitioner.organisation_id
    assert isinstance(logged["duration_ms"], float)
    for personal in ("bob_practitioner", "Bob", practitioner.user.email or "@"):
        assert personal not in line


def test_it_keeps_a_traceback_inside_one_json_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error",
            (),
            sys.exc_info(),
        )
    record.request = object()  # Django attaches the request: never logged
    logged = json.loads(JsonLogFormatter().format(record))
    assert "ValueError: boom" in logged["exc_info"]
    assert "request" not in logged


def test_error_reports_carry_no_personal_data() -> None:
    event = scrub_event(
        {
            "request": {
                "url": "https://coproduce.example/people/?q=Fran",
                "data": {"first_name": "Fran"},
                "cookies": {"sessionid": "s"},
                "query_string": "q=Fran",
                "headers": {"Cookie": "sessionid=s", "User-Agent": "Firefox"},
            },
            "user": {"id": "7", "username": "fran", "email": "fran@example.org"},
        }
    )
    assert event["request"] == {
        "url": "https://coproduce.example/people/",
        "headers": {"User-Agent": "Firefox"},
    }
    assert event["user"] == {"id": "7"}


def test_error_reporting_starts_only_with_a_dsn(tmp_path: Path) -> None:
    code = (
        "import django; django.setup(); import sentry_sdk; c = sentry_sdk.get_client();"
        "print(c.is_active(), c.options.get('send_default_pii'),"
        " getattr(c.options.get('before_send'), '__name__', None))"
    )
    without = run_python(code, tmp_path, DEBUG="true")
    assert without.stdout.split()[0] == "False", without.stderr
    with_dsn = run_python(code, tmp_path, DEBUG="true", SENTRY_DSN="https://key@127.0.0.1:9/1")
    assert with_dsn.stdout.split() == ["True", "False", "scrub_event"], with_dsn.stderr
