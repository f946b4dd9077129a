"""The session engine (SESSION_ENGINE): Django's database sessions, with the user's id in
its own indexed column."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.utils import timezone

from coproduce.core.models import UserSession


class SessionStore(DBStore):
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


def sessions_end_for(*, user_id: int) -> int:
    """Sign one person out everywhere; returns how many sessions ended."""
    deleted, _ = UserSession.objects.filter(user_id=user_id).delete()
    return deleted


def sessions_clear_expired() -> int:
    deleted, _ = UserSession.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
