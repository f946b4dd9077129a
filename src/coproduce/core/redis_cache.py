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
"""

from __future__ import annotations

import os
import pickle
import threading
from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient
from django.core.cache.backends.redis import RedisSerializer as DjangoRedisSerializer

PICKLED = b"\x80"  # how every pickle of protocol 2 or later begins


class RedisSerializer(DjangoRedisSerializer):
    """Django's (whole numbers as text, so INCR works; everything else pickled), reading a
    pickle without first trying it as a whole number: the ValueError that try raised cost
    more than the unpickling."""

    def loads(self, data: Any) -> Any:
        if data[:1] == PICKLED:
            return pickle.loads(data)  # noqa: S301  # our own cache, as Django's serializer reads it
        return super().loads(data)


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
