"""Scenario: in production every server shares one Redis cache (REDIS_URL). Each request asks it
for the session and the person's versions; the cache keeps one Redis client per connection
pool instead of building one (and its table of reply handlers) for every command."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from coproduce.core.redis_cache import RedisCache
from tests.redis_server import own_prefix, running

URL = "redis://127.0.0.1:6379/9"  # database 9 is these tests' own


@pytest.fixture
def shared_cache() -> Iterator[RedisCache]:
    with own_prefix(running(URL)) as prefix:
        yield RedisCache(URL, {"KEY_PREFIX": prefix})


def test_every_command_goes_through_one_client(shared_cache: RedisCache) -> None:
    client = shared_cache._cache  # type: ignore[attr-defined]  # Django's, not in the stubs
    first = client.get_client("a")
    shared_cache.set("session:abc", {"user": 7}, 60)
    assert client.get_client("b", write=True) is first
    assert shared_cache.get("session:abc") == {"user": 7}


def test_it_still_behaves_as_djangos_redis_cache(shared_cache: RedisCache) -> None:
    other_server = RedisCache(URL, {"KEY_PREFIX": shared_cache.key_prefix})  # another process's
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


# Every signed-in request asks for its session and its person's versions. Each process keeps
# what it read and Redis tells it when any of it changes, so most requests make no round trip.
SESSION, VERSION = "session:abc", "member-version:7"


def _trips(cache: RedisCache, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The reads that go to Redis on this thread's kept connection, as they are sent."""
    cache.get_many_kept([SESSION], confirm_seconds=60)  # makes the connection
    connection = cache._cache._local.kept.connection  # type: ignore[attr-defined]
    sent: list[Any] = []
    send = connection.send_command

    def counted(*args: Any, **kwargs: Any) -> None:
        sent.append(args)
        send(*args, **kwargs)

    monkeypatch.setattr(connection, "send_command", counted)
    return sent


def _written_by_another_server(cache: RedisCache, key: str, value: Any) -> None:
    """As another process's cache writes: nothing in this process hears of it but Redis."""
    other = redis.Redis.from_url(URL)
    other.set(cache.make_key(key), pickle.dumps(value))
    other.ping()  # as every write of coproduce's cache does before it returns


def test_what_nobody_changed_is_answered_without_a_round_trip(
    shared_cache: RedisCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_cache.set_many({SESSION: {"user": 7}, VERSION: "v1"})
    sent = _trips(shared_cache, monkeypatch)
    for _ in range(20):
        found = shared_cache.get_many_kept([SESSION, VERSION, "missing"], confirm_seconds=60)
        assert found == {SESSION: {"user": 7}, VERSION: "v1"}
    # A key Redis does not hold is asked each time (nothing is kept for it); the others, once.
    assert len(sent) == 20
    assert shared_cache.get_many_kept([SESSION, VERSION], confirm_seconds=60)[VERSION] == "v1"
    assert len(sent) == 20


def test_a_change_made_by_another_server_is_seen_on_the_next_read(
    shared_cache: RedisCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kai's role changes on server B; server A had kept his version and its very next read
    has the new one."""
    shared_cache.set_many({SESSION: {"user": 7}, VERSION: "v1"})
    assert shared_cache.get_many_kept([SESSION, VERSION], confirm_seconds=60)[VERSION] == "v1"
    for n in range(200):
        _written_by_another_server(shared_cache, VERSION, f"v{n + 2}")
        assert shared_cache.get_many_kept([SESSION, VERSION], confirm_seconds=60) == {
            SESSION: {"user": 7},
            VERSION: f"v{n + 2}",
        }
    # A session ended elsewhere (deleted, or expired) is gone on the next read too.
    redis.Redis.from_url(URL).delete(shared_cache.make_key(SESSION))
    redis.Redis.from_url(URL).ping()
    assert shared_cache.get_many_kept([SESSION, VERSION], confirm_seconds=60) == {VERSION: "v201"}


def test_this_processs_own_writes_count_at_once(shared_cache: RedisCache) -> None:
    shared_cache.set(VERSION, "v1")
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v1"}
    shared_cache.set(VERSION, "v2")
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v2"}
    shared_cache.delete(VERSION)
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {}


def test_kept_values_are_confirmed_with_redis_every_so_often(
    shared_cache: RedisCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However quiet Redis is, a server reads again after `confirm_seconds`: a connection
    that failed without a word is never trusted for longer."""
    shared_cache.set(VERSION, "v1")
    sent = _trips(shared_cache, monkeypatch)
    for _ in range(3):
        shared_cache.get_many_kept([VERSION], confirm_seconds=0)
    assert [command[0] for command in sent] == ["MGET", "MGET", "MGET"]


def test_a_lost_connection_forgets_what_it_kept(shared_cache: RedisCache) -> None:
    """Redis restarts, or a proxy drops the connection: what changed meanwhile could not be
    told, so nothing kept is trusted; the read goes to Redis."""
    shared_cache.set(VERSION, "v1")
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v1"}
    killer = redis.Redis.from_url(URL)
    connection = shared_cache._cache._local.kept.connection  # type: ignore[attr-defined]
    connection.send_command("CLIENT", "ID")
    killer.client_kill_filter(_id=connection.read_response())
    killer.set(shared_cache.make_key(VERSION), pickle.dumps("v2"))  # no connection to tell
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v2"}
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v2"}


def test_a_server_that_cannot_tell_of_changes_is_read_every_time(
    shared_cache: RedisCache, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A Redis before version 6, or a proxy in front of it, knows no RESP3 or key tracking:
    the session and versions are read from it on every request, as before, never kept."""

    def refused(self: Any, connection: Any) -> None:
        raise redis.ResponseError("unknown command 'CLIENT', with args beginning with: 'TRACKING'")

    monkeypatch.setattr("coproduce.core.redis_cache._Kept._connected", refused)
    shared_cache.set(VERSION, "v1")
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v1"}
    assert "cannot tell of changes" in caplog.text
    _written_by_another_server(shared_cache, VERSION, "v2")
    assert shared_cache.get_many_kept([VERSION], confirm_seconds=60) == {VERSION: "v2"}
