"""Redis for the tests that need it: started if it is down (as on a fresh machine), skipped
where it is not installed. Each caller gets its own key prefix, so the two suites CI runs side
by side never see or clear each other's keys."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import redis


def _ping(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.ConnectionError:
        return False


def running(url: str) -> str:
    """The URL, once a Redis answers there."""
    if not _ping(url):
        if not shutil.which("redis-server"):
            pytest.skip("Redis is not installed on this machine")
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
             "--save", "", "--appendonly", "no"],
            check=True,
        )  # fmt: skip
        for _ in range(50):
            if _ping(url):
                break
            time.sleep(0.1)
    return url


@contextmanager
def own_prefix(url: str) -> Iterator[str]:
    """A key prefix of this caller's own; its keys are removed afterwards."""
    prefix = f"test-{uuid.uuid4().hex}"
    try:
        yield prefix
    finally:
        client = redis.Redis.from_url(url)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
