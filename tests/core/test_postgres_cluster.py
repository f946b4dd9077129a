"""On PostgreSQL: the pooled connection runs the pipelined home page; any number of workers
take each task once, and a failed task is tried again by whichever worker is free."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.core import cluster_tasks

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the pool and SKIP LOCKED are PostgreSQL's"
    ),
]

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    """The environment of a new process on the test database (the real settings, DEBUG on)."""
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "coproduce.settings", "DEBUG": "true"}
    env.update(DATABASE_URL=url, PYTHONPATH=os.pathsep.join([*sys.path, str(ROOT)]), **extra)
    env.pop("REDIS_URL", None)
    return env


HOME_PAGE_WITH_A_POOL = """
import json, django, psycopg
django.setup()
from django.db import connection
from django.test import Client
from coproduce.accounts.models import User
from coproduce.core import pipeline
pipelines, prepared = [], []
through_cursors, on_the_connection = psycopg.Connection.pipeline, pipeline._results_until_sync
def counting(self):
    pipelines.append(1)
    return through_cursors(self)
def counting_prepared(pgconn):
    prepared.append(1)
    return on_the_connection(pgconn)
psycopg.Connection.pipeline = counting
pipeline._results_until_sync = counting_prepared
client = Client(HTTP_HOST="localhost")
client.force_login(User.objects.get(pk=%(user)d))
statuses = [client.get("/").status_code for _ in range(3)]
print(json.dumps({
    "statuses": statuses,
    "pipelines": len(pipelines),
    "prepared pipelines": len(prepared),
    "pool": connection.pool is not None,
    "stats": connection.pool.get_stats() if connection.pool else {},
    "marker": %(marker)r in client.get("/").content.decode(),
}))
"""


def test_the_pipelined_home_page_works_through_the_connection_pool(
    practitioner: Membership,
) -> None:
    script = HOME_PAGE_WITH_A_POOL % {
        "user": practitioner.user_id,
        "marker": practitioner.organisation.name,
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(DATABASE_POOL="min=1,max=2,timeout=10"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["pool"] is True
    assert result["statuses"] == [200, 200, 200]
    assert result["marker"] is True
    # Each home page sent its panels' queries together, prepared, on the pool's connection.
    assert result["prepared pipelines"] >= 3
    assert result["stats"]["pool_max"] == 2


def _workers(count: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "coproduce.cli", "worker", "--interval", "0.1"],
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _wait_for(lines: Path, count: int, seconds: float = 90) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = lines.read_text().splitlines() if lines.exists() else []
        if len(found) >= count:
            time.sleep(1)  # and nothing more arrives: no task runs twice
            return lines.read_text().splitlines()
        time.sleep(0.2)
    return lines.read_text().splitlines() if lines.exists() else []


def test_two_workers_take_each_task_once(tmp_path: Path) -> None:
    log = tmp_path / "ran.txt"
    results = [cluster_tasks.mark.enqueue(n, str(log)) for n in range(40)]
    workers = _workers(2)
    try:
        lines = _wait_for(log, 40)
    finally:
        _stop(workers)
    numbers = sorted(int(line.split()[0]) for line in lines)
    assert numbers == list(range(40))  # every task once: none lost, none run twice
    assert len({line.split()[1] for line in lines}) == 2  # and both workers did some
    for result in results:
        result.refresh()
        assert result.status == TaskResultStatus.SUCCESSFUL


def test_a_failed_task_is_tried_again_by_whichever_worker_is_free(tmp_path: Path) -> None:
    log = tmp_path / "attempts.txt"
    first = cluster_tasks.flaky.enqueue(str(log))
    workers = _workers(2)
    try:
        lines = _wait_for(log, 2)
    finally:
        _stop(workers)
    assert [line.rsplit(" ", 1)[0] for line in lines] == ["attempt 1", "attempt 2"]
    first.refresh()
    assert first.status == TaskResultStatus.FAILED
    attempts = DBTaskResult.objects.filter(task_path=cluster_tasks.flaky.module_path)
    assert sorted(str(row.status) for row in attempts) == ["FAILED", "SUCCESSFUL"]
