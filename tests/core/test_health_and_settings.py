from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.test import Client

from coproduce.environment import env_bool


def test_it_reports_health_with_the_database(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] in {"sqlite", "postgresql"}


def test_it_refuses_an_unclear_boolean_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ValueError, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_it_will_not_start_in_production_without_a_secret_key() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECRET_KEY_FILE"}}
    env.update(DEBUG="false", DJANGO_SETTINGS_MODULE="coproduce.settings")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_it_serves_pages_in_the_persons_language(young_person: object) -> None:
    from coproduce.organisations.models import Membership
    from tests.conftest import client_for

    assert isinstance(young_person, Membership)
    young_person.user.language = "cy"
    young_person.user.save()
    html = client_for(young_person).get("/").content.decode()
    assert '<html lang="cy"' in html


def test_it_passes_djangos_deploy_check_with_production_settings(tmp_path: object) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY="x" * 30 + "production-only-secret-for-the-check-9f3k",
        ALLOWED_HOSTS="coproduce.example",
        FIELD_ENCRYPTION_KEYS="field-key-for-the-deploy-check-only-4d8s",
        COPRODUCE_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="coproduce.settings",
    )
    result = subprocess.run(
        [sys.executable, "-m", "coproduce.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
