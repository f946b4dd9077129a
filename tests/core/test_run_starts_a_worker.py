"""Scenario: a developer types `make run`. The development server starts with a worker
beside it, so queued e-mail is printed; Ctrl+C (or either one stopping) stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coproduce import cli


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) counts as stopped.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def _worker_writing_its_pid(path: Path) -> list[str]:
    code = f"import os, time; open({str(path)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    return [sys.executable, "-c", code]


def _wait_for(path: Path) -> int:
    for _ in range(100):
        if path.exists() and path.read_text():
            return int(path.read_text())
        time.sleep(0.05)
    raise AssertionError("the worker did not start")


def test_the_worker_stops_when_the_web_server_does(tmp_path: Path) -> None:
    pid_file = tmp_path / "worker.pid"
    web = [
        sys.executable,
        "-c",
        f"import time, sys, os\nwhile not os.path.exists({str(pid_file)!r}): time.sleep(0.05)\nsys.exit(3)",
    ]
    status = cli.serve_with_worker(web, _worker_writing_its_pid(pid_file))
    assert status == 3
    assert not _alive(int(pid_file.read_text()))


def test_stopping_the_command_stops_both(tmp_path: Path) -> None:
    """SIGTERM (as Ctrl+C, a SIGINT to the whole group, does) ends the worker and the server."""
    pid_file = tmp_path / "worker.pid"
    script = (
        "import sys\n"
        "from coproduce import cli\n"
        f"sys.exit(cli.serve_with_worker([sys.executable, '-c', 'import time; time.sleep(60)'],"
        f" [sys.executable, '-c', {_worker_writing_its_pid(pid_file)[2]!r}]))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    worker_pid = _wait_for(pid_file)
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=20) == 0
    assert not _alive(worker_pid)


@pytest.mark.parametrize(("debug", "with_worker"), [(True, True), (False, False)])
def test_serve_starts_the_worker_only_in_development(
    monkeypatch: pytest.MonkeyPatch, settings: object, debug: bool, with_worker: bool
) -> None:
    started: list[str] = []

    def both(web: list[str]) -> int:
        started.append("both")
        return 0

    def web_only(*args: object) -> None:
        started.append("web only")

    monkeypatch.setattr(cli, "serve_with_worker", both)
    monkeypatch.setattr(os, "execv", web_only)
    monkeypatch.setattr("django.conf.settings.DEBUG", debug)
    monkeypatch.setattr("django.setup", lambda: None)
    monkeypatch.delenv("SERVE_WORKER", raising=False)
    if with_worker:
        with pytest.raises(SystemExit):
            cli.serve(["127.0.0.1:0"])
    else:
        cli.serve(["127.0.0.1:0"])
    assert started == (["both"] if with_worker else ["web only"])
