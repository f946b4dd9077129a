"""On PostgreSQL behind PgBouncer in transaction mode (DATABASE_PGBOUNCER=true): the pipelined
home page and the worker run through it, with no cursor or connection state outliving a
transaction."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest
from django.db import connection
from django_tasks import TaskResultStatus

from tests.core import cluster_tasks
from tests.core.test_postgres_cluster import HOME_PAGE_WITH_A_POOL, _env, _stop, _wait_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PgBouncer pools PostgreSQL"),
]

CONFIG = """
[databases]
* = host=127.0.0.1 port={server_port} timezone=UTC

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {folder}/userlist.txt
admin_users = {user}
pool_mode = transaction
default_pool_size = 4
max_client_conn = 50
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = {folder}/pgbouncer.log
pidfile = {folder}/pgbouncer.pid
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def pgbouncer() -> Iterator[int]:
    """A PgBouncer of our own, in transaction mode, in front of the test database's server."""
    if not Path(PGBOUNCER).exists():
        pytest.fail("pgbouncer is not installed: `make chromium` installs Debian's package")
    db = connection.settings_dict
    folder = Path(tempfile.mkdtemp(prefix="pgbouncer-"))
    folder.chmod(0o777)  # PgBouncer will not run as root: it runs as nobody and writes here
    port = _free_port()
    user = db["USER"] or "postgres"
    (folder / "userlist.txt").write_text(f'"{user}" ""\n')
    (folder / "pgbouncer.ini").write_text(
        CONFIG.format(server_port=db["PORT"] or 5432, port=port, folder=folder, user=user)
    )
    command = [PGBOUNCER, str(folder / "pgbouncer.ini")]
    if os.getuid() == 0:
        command[1:1] = ["-u", "nobody"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log = folder / "pgbouncer.log"
                pytest.fail(f"pgbouncer did not start: {log.read_text() if log.exists() else ''}")
            time.sleep(0.1)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def _through(port: int) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@127.0.0.1:{port}/{db['NAME']}"
    env = _env(DATABASE_PGBOUNCER="true")
    env["DATABASE_URL"] = url
    return env


def _transactions_pooled(port: int) -> int:
    """How many transactions PgBouncer has passed to the test database (its admin console)."""
    db = connection.settings_dict
    with psycopg.connect(
        host="127.0.0.1", port=port, dbname="pgbouncer", user=db["USER"], autocommit=True
    ) as admin:
        rows = admin.execute("SHOW STATS").fetchall()
        columns = [c.name for c in admin.execute("SHOW STATS").description or []]
    for row in rows:
        stats = dict(zip(columns, row, strict=True))
        if stats["database"] == db["NAME"]:
            return int(stats["total_xact_count"])
    return 0


SETTINGS_SEEN = """
import json, django
django.setup()
from django.db import connection
print(json.dumps({
    "server_side_cursors": not connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"],
    "conn_max_age": connection.settings_dict["CONN_MAX_AGE"],
    "pool": bool(connection.settings_dict.get("OPTIONS", {}).get("pool")),
}))
"""


def _run(script: str, env: dict[str, str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_pipelined_home_page_works_through_pgbouncer_in_transaction_mode(
    pgbouncer: int, practitioner: Membership
) -> None:
    seen = _run(SETTINGS_SEEN, _through(pgbouncer))
    # No cursor may outlive its transaction, and PgBouncer does the pooling.
    assert seen["server_side_cursors"] is False
    assert seen["pool"] is False
    before = _transactions_pooled(pgbouncer)
    script = HOME_PAGE_WITH_A_POOL % {
        "user": practitioner.user_id,
        "marker": practitioner.organisation.name,
    }
    result = _run(script, _through(pgbouncer))
    assert result["statuses"] == [200, 200, 200]
    assert result["marker"] is True  # the organisation's own home page, through PgBouncer
    # Together through Django's cursors; never prepared (PgBouncer hands each transaction any
    # server connection, where a statement prepared on another is unknown).
    assert isinstance(result["pipelines"], int) and result["pipelines"] >= 3
    assert result["prepared pipelines"] == 0
    assert _transactions_pooled(pgbouncer) > before  # it really went through PgBouncer


def test_a_worker_takes_its_tasks_through_pgbouncer(pgbouncer: int, tmp_path: Path) -> None:
    log = tmp_path / "ran.txt"
    results = [cluster_tasks.mark.enqueue(n, str(log)) for n in range(10)]
    before = _transactions_pooled(pgbouncer)
    worker = subprocess.Popen(
        [sys.executable, "-m", "coproduce.cli", "worker", "--interval", "0.1"],
        env=_through(pgbouncer),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lines = _wait_for(log, 10)
    finally:
        _stop([worker])
    assert sorted(int(line.split()[0]) for line in lines) == list(range(10))
    for result in results:
        result.refresh()
        assert result.status == TaskResultStatus.SUCCESSFUL
    assert _transactions_pooled(pgbouncer) > before
