"""Tasks for the worker tests: each run leaves a line in a file, so other processes see it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


def _record(path: str, line: str) -> None:
    with Path(path).open("a", encoding="utf-8") as log:  # appends of one short line are atomic
        log.write(line + "\n")


@task()
def mark(number: int, path: str) -> int:
    _record(path, f"{number} {os.getpid()}")
    time.sleep(0.05)
    return number


@task()
def flaky(path: str, attempt: int = 1) -> str:
    """Fails on its first attempt; like the e-mail task, it queues the next attempt first."""
    _record(path, f"attempt {attempt} {os.getpid()}")
    if attempt == 1:
        flaky.enqueue(path, attempt + 1)
        raise RuntimeError("the mail server was away")
    return "sent"
