"""The session engine (SESSION_ENGINE): Django's database sessions, with the user's id in
its own indexed column; read through the shared cache too when MEMBER_CACHE_SECONDS is on
(Django's cached_db: written to both, read from the cache, the database when it misses)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.core.cache import caches
from django.utils import timezone

from coproduce.core.models import UserSession
from coproduce.core.prepared import PreparedAcrossOrganisations

# Read on every signed-in request that the shared cache does not answer (always, without
# one): prepared, as Django's own look-up cost ten times the query.
_SESSION = PreparedAcrossOrganisations(
    lambda key, now: UserSession.objects.filter(session_key=key, expire_date__gt=now).order_by(),
    key=str,
    now=datetime.datetime,
)


def _cached() -> bool:
    return int(getattr(settings, "MEMBER_CACHE_SECONDS", 0)) > 0


class SessionStore(CachedDBStore):
    @classmethod
    def get_model_class(cls) -> type[UserSession]:
        return UserSession

    def create_model_instance(self, data: dict[str, Any]) -> UserSession:
        instance = cast(UserSession, super().create_model_instance(data))
        try:
            instance.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            instance.user_id = None
        return instance

    def _get_session_from_db(self) -> UserSession | None:
        """Django's, prepared: the session if it exists and has not expired."""
        key = self.session_key
        found = _SESSION(key=key, now=timezone.now()) if key is not None else []
        if not found:
            self._session_key = None
            return None
        return cast(UserSession, found[0])

    # Without the shared cache: the database alone, as before.
    def load(self) -> dict[str, Any]:
        return super().load() if _cached() else DBStore.load(self)

    def exists(self, session_key: str) -> bool:
        return bool(super().exists(session_key) if _cached() else DBStore.exists(self, session_key))

    def save(self, must_create: bool = False) -> None:
        if _cached():
            super().save(must_create)
        else:
            DBStore.save(self, must_create)

    def delete(self, session_key: str | None = None) -> None:
        if _cached():
            super().delete(session_key)
        else:
            DBStore.delete(self, session_key)


def sessions_end_for(*, user_id: int) -> int:
    """Sign one person out everywhere; returns how many sessions ended."""
    sessions = UserSession.objects.filter(user_id=user_id)
    if not _cached():
        deleted, _ = sessions.delete()
        return deleted
    keys = [KEY_PREFIX + key for key in sessions.values_list("session_key", flat=True)]
    deleted, _ = sessions.delete()
    if keys:  # after the rows: a request meanwhile finds neither
        caches[settings.SESSION_CACHE_ALIAS].delete_many(keys)
    return deleted


def sessions_clear_expired() -> int:
    deleted, _ = UserSession.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
