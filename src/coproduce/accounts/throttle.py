"""Counting attempts in Django's cache, shared by every process and server: sign-in lock-out,
the young people's sign-in code page and the API all use these counters.

A counter counts hits in a fixed window (15 minutes, say) per key (an account, an address, a
token). `take` counts a hit before the attempt, so parallel attempts cannot all slip under the
limit; `give_back` returns it when the attempt succeeds. With Redis the counting is atomic; with
the database cache (the embedded default) it is exact unless two attempts land at once.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from functools import cache as memoise

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    name: str  # names the counter in the cache
    amount: int  # hits allowed in a window
    seconds: int  # the window


@dataclass(frozen=True)
class Taken:
    """A hit counted against a limit: whether it was allowed, and when the window ends."""

    limit: Limit
    cache_key: str
    allowed: bool
    retry_after: int  # seconds until the window ends (for a Retry-After header)

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


def _cache_key(limit: Limit, key: str, now: float) -> tuple[str, float]:
    window_end = (math.floor(now / limit.seconds) + 1) * limit.seconds
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]  # no names or addresses in the cache
    return f"throttle:{limit.name}:{digest}:{int(window_end)}", window_end


def take(limit: Limit, key: str) -> Taken:
    """Count one hit; `allowed` is False once the window holds more than `limit.amount`."""
    now = time.time()
    cache_key, window_end = _cache_key(limit, key, now)
    retry_after = max(1, math.ceil(window_end - now))
    count = _add(cache_key, 1, timeout=retry_after + 5)
    return Taken(limit, cache_key, count <= limit.amount, retry_after)


def give_back(taken: Taken) -> None:
    """Undo a hit whose attempt succeeded (a right password, a valid code)."""
    _add(taken.cache_key, -1, timeout=taken.retry_after + 5)


def _add(cache_key: str, delta: int, *, timeout: int) -> int:
    if isinstance(caches["default"], RedisCache):
        # Atomic in Redis, and INCR keeps the key's expiry.
        cache.add(cache_key, 0, timeout=timeout)
        try:
            return int(cache.incr(cache_key, delta))
        except ValueError:  # expired between the two calls: a new window
            cache.set(cache_key, max(delta, 0), timeout=timeout)
            return max(delta, 0)
    # Other backends' incr() resets the expiry to the default, so the window is kept here.
    count = max(0, int(cache.get(cache_key) or 0) + delta)
    cache.set(cache_key, count, timeout=timeout)
    return count


def blocked(limit: Limit, key: str) -> Taken | None:
    """Whether the key is over its limit now, without counting a hit."""
    now = time.time()
    cache_key, window_end = _cache_key(limit, key, now)
    if (cache.get(cache_key) or 0) < limit.amount:
        return None
    return Taken(limit, cache_key, False, max(1, math.ceil(window_end - now)))


@memoise
def _networks(
    proxies: tuple[str, ...],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or, when that is a trusted proxy, the rightmost
    address in X-Forwarded-For that is not a trusted proxy (the left part is the client's to
    write, so it is never believed)."""
    address = str(request.META.get("REMOTE_ADDR") or "")
    if not _trusted(address):
        return address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        address = hop
        if not _trusted(hop):
            break
    return address


def address_key(request: HttpRequest) -> str:
    """The client's address as a counting key: an IPv6 client is counted by its /64, which
    one household or attacker holds whole."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)
