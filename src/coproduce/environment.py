"""Reading settings from the environment: flags, lists, secrets (or files holding them) and
the database, with its SQLite, connection-pool and PgBouncer variants. settings.py uses these;
every variable is listed in docs/operations.md."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

# Production settings that are not set: named together when production refuses to start.
MISSING_SETTINGS: list[str] = []


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


def env_secret(name: str, development_default: str | None) -> str:
    if f"{name}_FILE" in os.environ:
        return Path(os.environ[f"{name}_FILE"]).read_text().strip()
    value = os.environ.get(name)
    if value:
        return value
    if development_default is None:
        MISSING_SETTINGS.append(f"{name} (or {name}_FILE)")
        return ""
    return development_default


def database_from_environment(var_dir: Path) -> dict[str, Any]:
    """DATABASE_URL (SQLite under var/ by default), DATABASE_POOL, DATABASE_PGBOUNCER and
    DATABASE_PREPARED."""
    database: dict[str, Any] = dict(
        dj_database_url.config(
            default=f"sqlite:///{var_dir / 'coproduce.sqlite3'}", conn_max_age=60
        )
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Immediate transactions so concurrent writers queue instead of failing mid-transaction.
        database["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # Kept open between requests, as on PostgreSQL: a new SQLite connection reads the
        # whole schema (108 tables, 362 indexes) before its first query, 9 of a dashboard's
        # 18 ms of CPU on the bench (bench/results.md, 2026-11-30, second session).
    elif os.environ.get("DATABASE_POOL", "").strip():
        # Django's psycopg pool in each process, e.g. DATABASE_POOL="min=2,max=8,timeout=10"
        # ("true" for psycopg's defaults). A pool replaces persistent connections.
        pool: dict[str, int | float] = {}
        for part in os.environ["DATABASE_POOL"].split(","):
            key, _eq, value = part.strip().partition("=")
            if key in {"min", "max"} and value:
                pool[f"{key}_size"] = int(value)
            elif key in {"timeout", "max_idle", "max_lifetime"} and value:
                pool[key] = float(value)
            elif key not in {"", "true", "on", "1", "yes"}:
                raise ImproperlyConfigured(f"DATABASE_POOL: unknown part {part!r}.")
        database.setdefault("OPTIONS", {})["pool"] = pool or True
        database["CONN_MAX_AGE"] = 0
    if env_bool("DATABASE_PGBOUNCER", False):
        # PgBouncer in transaction mode: no cursor may outlive its transaction.
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
    # The home page's panel queries (core/prepared.py) kept prepared on a PostgreSQL
    # connection (core/pipeline.py): parsed and planned once, then only run with new values.
    # Not behind PgBouncer in transaction mode, which hands each transaction any server
    # connection. psycopg itself prepares nothing (Django's default `prepare_threshold`).
    database["PREPARED_STATEMENTS"] = (
        database["ENGINE"] == "django.db.backends.postgresql"
        and not env_bool("DATABASE_PGBOUNCER", False)
        and env_bool("DATABASE_PREPARED", True)
    )
    return database


def media_storage_from_environment(bucket: str, presigned_seconds: int) -> dict[str, object]:
    """Private files: the S3-compatible `bucket` through django-storages (MEDIA_S3_*), with
    pre-signed links valid for `presigned_seconds`; without a bucket, MEDIA_ROOT on disk."""
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    region = os.environ.get("MEDIA_S3_REGION", os.environ.get("AWS_DEFAULT_REGION"))
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": region or None,
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": presigned_seconds,
            "file_overwrite": False,
            "addressing_style": os.environ.get("MEDIA_S3_ADDRESSING_STYLE") or None,
        },
    }


def logging_from_environment(debug: bool) -> tuple[str, dict[str, Any]]:
    """LOG_FORMAT (json in production, text while developing) and the LOGGING dict, with the
    levels from LOG_LEVEL, DJANGO_LOG_LEVEL and COPRODUCE_LOG_LEVEL."""
    log_format = os.environ.get("LOG_FORMAT", "text" if debug else "json")
    return log_format, {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "coproduce.core.observability.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "coproduce.core.observability.JsonLogFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            }
        },
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
        "loggers": {
            # Django's own console handler would print its records a second time, unformatted.
            "django": {"level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
            "coproduce": {"level": os.environ.get("COPRODUCE_LOG_LEVEL", "INFO")},
        },
    }
