"""Writes for notifications, by topic; `coproduce.notifications.services.<name>` keeps working."""

from __future__ import annotations

from coproduce.notifications.services.inapp import notifications_mark_read, notify
from coproduce.notifications.services.messages import (
    Contact,
    message_send,
    message_status_record,
)
from coproduce.notifications.services.preferences import (
    contact_preference_set,
    message_settings_update,
    unsubscribe,
    unsubscribe_token,
)

__all__ = [
    "Contact",
    "contact_preference_set",
    "message_send",
    "message_settings_update",
    "message_status_record",
    "notifications_mark_read",
    "notify",
    "unsubscribe",
    "unsubscribe_token",
]
