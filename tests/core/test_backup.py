"""Scenario: the operations team backs up a live database and its private media, restores
the backup into a new, empty database, and finds the same records with the ledger intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from coproduce.core.tenancy import all_organisations
from coproduce.credits import services as credits
from coproduce.notifications.services import notify
from coproduce.organisations.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)

COUNT = (
    "import json; from django.apps import apps; "
    "from coproduce.core.tenancy import all_organisations\n"
    "with all_organisations():\n"
    "    print(json.dumps({m._meta.label: m._base_manager.count() for m in apps.get_models()}))"
)


def _counts() -> dict[str, int]:
    with all_organisations():
        return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database of the same kind as the test database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    import psycopg

    s = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:10]}"
    server = dict(host=s["HOST"], port=s["PORT"] or 5432, user=s["USER"], password=s["PASSWORD"])
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    yield f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _coproduce(*args: str, database: str, media: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database, "MEDIA_ROOT": str(media)}
    env["COPRODUCE_VAR_DIR"] = str(media.parent / "var")
    return subprocess.run(
        [sys.executable, "-m", "coproduce.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _populate(practitioner: Membership, young_person: Membership, media: Path) -> None:
    for n, minutes in enumerate([60, 90, 30]):
        credits.credits_award(
            acting_user=practitioner.user,
            membership=young_person,
            minutes=minutes,
            reason="Youth forum",
            idempotency_key=f"award-{n}",
        )
    trip = credits.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Trip to the coast",
        price_minutes=120,
        places=5,
    )
    credits.reward_redeem(
        acting_user=young_person.user, membership=young_person, reward=trip, idempotency_key="trip"
    )
    notify(
        organisation=practitioner.organisation,
        recipient=practitioner.user,
        kind="test",
        dedupe_key="backup",
        subject=lambda: "Your trip is booked",
    )
    (media / "consent").mkdir(parents=True)
    (media / "consent" / "form.pdf").write_bytes(b"%PDF-1.4 signed consent")


@pytest.mark.parametrize("fmt", ["auto", "json"])
def test_a_backup_restores_into_a_fresh_database_with_the_same_records(
    fmt: str,
    practitioner: Membership,
    young_person: Membership,
    fresh_database: str,
    tmp_path: Path,
    settings: Any,
) -> None:
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    _populate(practitioner, young_person, media)
    before = _counts()
    assert before["credits.Entry"] >= 4 and before["notifications.Notification"] == 1

    call_command("backup", str(tmp_path / "backup"), "--format", fmt)
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    expected = {"sqlite": "sqlite", "postgresql": "pg_dump"}[connection.vendor]
    assert manifest["format"] == (expected if fmt == "auto" else "json")

    restored_media = tmp_path / "restored-media"
    run = _coproduce(
        "restore", str(tmp_path / "backup"), database=fresh_database, media=restored_media
    )
    assert run.returncode == 0, run.stderr
    assert (restored_media / "consent" / "form.pdf").read_bytes() == b"%PDF-1.4 signed consent"

    counted = _coproduce("shell", "-c", COUNT, database=fresh_database, media=restored_media)
    assert counted.returncode == 0, counted.stderr
    assert json.loads(counted.stdout.strip().splitlines()[-1]) == before

    verified = _coproduce("ledger-verify", database=fresh_database, media=restored_media)
    assert verified.returncode == 0, verified.stderr
    assert "every balance matches" in verified.stdout

    again = _coproduce(
        "restore", str(tmp_path / "backup"), database=fresh_database, media=restored_media
    )
    assert again.returncode != 0 and "not empty" in again.stderr


def test_it_refuses_to_write_a_backup_over_another(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("an older backup")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "backup"))
