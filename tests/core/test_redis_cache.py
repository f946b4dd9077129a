"""Scenario: in production every server shares one Redis cache (REDIS_URL). Each request asks it
for the session and the person's versions; the cache keeps one Redis client per connection
pool instead of building one (and its table of reply handlers) for every command."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

from coproduce.core.redis_cache import RedisCache

URL = "redis://127.0.0.1:6379/9"  # database 9 is this test's own


def _ping() -> bool:
    try:
        return bool(redis.Redis.from_url(URL, socket_connect_timeout=0.5).ping())
    except redis.ConnectionError:
        return False


@pytest.fixture
def shared_cache() -> Iterator[RedisCache]:
    if not _ping():
        if not shutil.which("redis-server"):
            pytest.skip("Redis is not installed on this machine")
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
             "--save", "", "--appendonly", "no"],
            check=True,
        )  # fmt: skip
        for _ in range(50):
            if _ping():
                break
            time.sleep(0.1)
    cache = RedisCache(URL, {})
    cache.clear()
    yield cache
    cache.clear()


def test_every_command_goes_through_one_client(shared_cache: RedisCache) -> None:
    client = shared_cache._cache  # type: ignore[attr-defined]  # Django's, not in the stubs
    first = client.get_client("a")
    shared_cache.set("session:abc", {"user": 7}, 60)
    assert client.get_client("b", write=True) is first
    assert shared_cache.get("session:abc") == {"user": 7}


def test_it_still_behaves_as_djangos_redis_cache(shared_cache: RedisCache) -> None:
    other_server = RedisCache(URL, {})  # another process's cache, same Redis
    shared_cache.set_many({"member-version:1": "v1", "member-version:organisations": "o1"})
    assert other_server.get_many(["member-version:1", "member-version:organisations"]) == {
        "member-version:1": "v1",
        "member-version:organisations": "o1",
    }
    assert shared_cache.add("lock", 1, 30) is True
    assert other_server.add("lock", 1, 30) is False
    assert other_server.incr("lock") == 2
    other_server.delete("member-version:1")
    assert shared_cache.get("member-version:1", "gone") == "gone"


def test_a_request_reads_the_session_and_versions_on_its_own_connection(
    shared_cache: RedisCache,
) -> None:
    shared_cache.set_many({"session:abc": {"user": 7}, "member-version:7": "v1", "n": 3})
    client = shared_cache._cache  # type: ignore[attr-defined]
    direct = client._direct_connection()
    # Nothing is checked out of the pool for it: the reads do not wait on other commands.
    before = client.get_client().connection_pool._created_connections
    for _ in range(3):
        read = shared_cache.get_many(["session:abc", "member-version:7", "n", "missing"])
        assert read == {"session:abc": {"user": 7}, "member-version:7": "v1", "n": 3}
    assert client._direct_connection() is direct
    assert client.get_client().connection_pool._created_connections == before


def test_a_dropped_connection_costs_no_read(shared_cache: RedisCache) -> None:
    shared_cache.set("session:abc", {"user": 7}, 60)
    assert shared_cache.get_many(["session:abc"]) == {"session:abc": {"user": 7}}
    # Redis restarts, or a proxy closes an idle connection: the next read still answers,
    # and the one after goes on the direct connection again.
    killer = redis.Redis.from_url(URL)
    for info in killer.client_list():
        if info.get("cmd") == "mget":
            killer.client_kill_filter(_id=info["id"])
    assert shared_cache.get_many(["session:abc"]) == {"session:abc": {"user": 7}}
    assert shared_cache.get_many(["session:abc"]) == {"session:abc": {"user": 7}}
    assert any(info.get("cmd") == "mget" for info in killer.client_list())


def test_a_forked_worker_does_not_share_its_parents_socket(
    shared_cache: RedisCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = shared_cache._cache  # type: ignore[attr-defined]
    parents = client._direct_connection()
    monkeypatch.setattr(os, "getpid", lambda: -1)  # as in a worker forked from this process
    assert client._direct_connection() is not parents
