"""Sessions that say whose they are (see coproduce.core.sessions)."""

from __future__ import annotations

from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class UserSession(AbstractBaseSession):
    """Django's session row plus the signed-in user's id, indexed, so one person's sessions
    are found without decoding everyone's (erasure, signing out everywhere)."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    class Meta:
        db_table = "core_user_session"
