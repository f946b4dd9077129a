"""Django's Redis cache, keeping one client per connection pool, and a quick `get_many`.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every command, and each
one fills a table of about 170 reply handlers: a fifth of a signed-in request's time on the
bench (bench/results.md, 2026-11-30). A client is only a front for its pool and is safe to
share between threads, so each pool gets one, made on first use.

`get_many` is what every signed-in request asks (the session and its owner's versions, in one
MGET: accounts.member_cache). Through the client, the pool's check-out (which polls the socket
for stray data), the retry wrapper and the check-in cost 125 µs of CPU against 50 µs for the
same command on a connection of redis-py's own kept by each thread of each process. A failure
on that connection drops it and asks again through the client, with its retries.

`get_many_kept` is that read without the round trip when nothing has changed: the connection
has Redis's key tracking on (RESP3), so Redis tells it, on the same connection, of every change
to a key it has read; the values it read are kept until then. A request first takes in what
Redis has said (one poll of the socket, no round trip), then answers from the kept values, so
a change made by any server is seen as soon as Redis's notice arrives. The notice is sent when
the key changes, ahead of the answer to any later read on this connection, and a read goes to
Redis at least every `confirm_seconds` all the same: so a connection that has silently failed,
or a notice held up, is never trusted for longer than that. This process's own writes drop its
kept values at once.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import time
import weakref
from collections.abc import Iterable
from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.core.cache.backends.redis import RedisSerializer as DjangoRedisSerializer

PICKLED = b"\x80"  # how every pickle of protocol 2 or later begins
logger = logging.getLogger(__name__)


class RedisSerializer(DjangoRedisSerializer):
    """Django's (whole numbers as text, so INCR works; everything else pickled), reading a
    pickle without first trying it as a whole number: the ValueError that try raised cost
    more than the unpickling."""

    def loads(self, data: Any) -> Any:
        if data[:1] == PICKLED:
            return pickle.loads(data)  # noqa: S301  # our own cache, as Django's serializer reads it
        return super().loads(data)


class _Kept:
    """One thread's connection with Redis's key tracking on, and the values read through it
    that no notice has changed since."""

    LIMIT = 4096  # values kept; beyond it they are all dropped and read again

    def __init__(self, pool: Any) -> None:
        self.pid = os.getpid()
        self.values: dict[str, bytes] = {}
        self.confirmed = float("-inf")  # when the last read that reached Redis was sent
        self.connection = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
        self.connection.register_connect_callback(self._connected)  # kept weakly by redis-py
        with _ALL_KEPT_LOCK:
            _ALL_KEPT.add(self)

    def _connected(self, connection: Any) -> None:
        # A new connection (the first, or after a failure) knows nothing: what it missed
        # while down cannot be told, so everything kept is read again.
        self.values.clear()
        connection.send_command("CLIENT", "TRACKING", "ON")
        connection.read_response()
        connection._parser.set_invalidation_push_handler(self._changed)

    def _changed(self, notice: Any) -> None:
        """Redis's notice: these keys changed, expired or were evicted (None: all of them)."""
        keys = notice[1]
        if keys is None:
            self.values.clear()
            return
        for key in keys:
            self.values.pop(key.decode() if isinstance(key, bytes) else key, None)

    def forget(self, keys: Iterable[Any]) -> None:
        for key in keys:
            self.values.pop(str(key), None)

    def get_many(self, keys: list[str], confirm_seconds: float) -> list[bytes | None]:
        connection = self.connection
        while connection.can_read(0):  # Redis's notices since the last request
            connection.read_response(push_request=True)
        started = time.monotonic()
        if started - self.confirmed < confirm_seconds:
            values = self.values
            found = [values.get(key) for key in keys]
            if None not in found:
                return found
        connection.send_command("MGET", *keys)
        found = connection.read_response()  # notices ahead of the answer are taken in first
        self.confirmed = started
        if len(self.values) > self.LIMIT:
            self.values.clear()
        for key, value in zip(keys, found, strict=True):
            if value is None:
                self.values.pop(key, None)
            else:
                self.values[key] = value
        return found  # type: ignore[no-any-return]


_ALL_KEPT: weakref.WeakSet[_Kept] = weakref.WeakSet()
_ALL_KEPT_LOCK = threading.Lock()  # a thread making its own while another thread writes


def _every_kept() -> list[_Kept]:
    with _ALL_KEPT_LOCK:
        return list(_ALL_KEPT)


def _written(keys: Iterable[Any]) -> None:
    """This process has changed these keys: no thread of it answers from its old values."""
    keys = list(keys)
    for kept in _every_kept():
        kept.forget(keys)


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("serializer", RedisSerializer)
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]  # not in the stubs
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client

    def get_many(self, keys: Any) -> dict[Any, Any]:
        keys = list(keys)
        connection = self._direct_connection()
        try:
            connection.send_command("MGET", *keys)
            values = connection.read_response()
        except (self._lib.ConnectionError, self._lib.TimeoutError, OSError):  # type: ignore[attr-defined]
            connection.disconnect()
            return super().get_many(keys)
        loads = self._serializer.loads  # type: ignore[attr-defined]
        return {k: loads(v) for k, v in zip(keys, values, strict=True) if v is not None}

    def get_many_kept(self, keys: Any, confirm_seconds: float) -> dict[Any, Any]:
        """`get_many` answered from the values this thread has read, while Redis has said
        nothing of a change to them (module docstring)."""
        keys = [str(key) for key in keys]
        if self.__dict__.get("_cannot_track"):
            return self.get_many(keys)
        local = self.__dict__.setdefault("_local", threading.local())
        kept = getattr(local, "kept", None)
        if kept is None or kept.pid != os.getpid():
            kept = local.kept = _Kept(self._get_connection_pool(False))  # type: ignore[attr-defined]
        try:
            values = kept.get_many(keys, confirm_seconds)
        except (self._lib.ConnectionError, self._lib.TimeoutError, OSError):  # type: ignore[attr-defined]
            kept.connection.disconnect()
            kept.values.clear()
            return super().get_many(keys)
        except self._lib.ResponseError:  # type: ignore[attr-defined]
            # A server without RESP3 or key tracking (before Redis 6, some proxies): every
            # read goes to it, as before.
            logger.warning("Redis cannot tell of changes (RESP3 key tracking): reading every time")
            self.__dict__["_cannot_track"] = True
            kept.connection.disconnect()
            kept.values.clear()
            return self.get_many(keys)
        loads = self._serializer.loads  # type: ignore[attr-defined]
        return {k: loads(v) for k, v in zip(keys, values, strict=True) if v is not None}

    # Every write drops this process's kept values of the keys it writes before it is sent,
    # and returns only once Redis has sent every other connection its notice of the change:
    # Redis sends notices after the answer to the write, in the same turn of its loop, so an
    # answer to a command sent after that answer came means they are out. Writes are rare
    # beside reads (a sign-in, a change of role, a session that changed).
    def _settled(self, keys: Iterable[Any], write: Any, *args: Any, **kwargs: Any) -> Any:
        _written(keys)
        result = write(*args, **kwargs)
        self.get_client(write=True).ping()
        return result

    def set(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._settled([key], super().set, key, *args, **kwargs)

    def add(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._settled([key], super().add, key, *args, **kwargs)

    def touch(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._settled([key], super().touch, key, *args, **kwargs)

    def delete(self, key: Any) -> Any:
        return self._settled([key], super().delete, key)

    def incr(self, key: Any, *args: Any, **kwargs: Any) -> Any:
        return self._settled([key], super().incr, key, *args, **kwargs)

    def set_many(self, data: Any, *args: Any, **kwargs: Any) -> Any:
        return self._settled(data, super().set_many, data, *args, **kwargs)

    def delete_many(self, keys: Any) -> Any:
        keys = list(keys)
        return self._settled(keys, super().delete_many, keys)

    def clear(self) -> Any:
        for kept in _every_kept():
            kept.values.clear()
        return self._settled([], super().clear)

    def _direct_connection(self) -> Any:
        """This thread's own connection to the server reads go to; a forked process (a web
        server's worker) makes its own instead of sharing its parent's socket."""
        local = self.__dict__.setdefault("_local", threading.local())
        held = getattr(local, "held", None)
        if held is None or held[0] != os.getpid():
            pool = self._get_connection_pool(False)  # type: ignore[attr-defined]
            held = local.held = (os.getpid(), pool.connection_class(**pool.connection_kwargs))
        return held[1]


class RedisCache(DjangoRedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

    def get_many_kept(
        self, keys: Iterable[str], *, confirm_seconds: float, version: int | None = None
    ) -> dict[str, Any]:
        """Django's `get_many`, answered from this thread's kept values while Redis has told
        of no change to them and its last read is under `confirm_seconds` old."""
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        found = self._cache.get_many_kept(key_map.keys(), confirm_seconds)  # type: ignore[attr-defined]  # Django's, not in the stubs
        return {key_map[k]: v for k, v in found.items()}
