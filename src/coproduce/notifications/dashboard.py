from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coproduce.notifications.selectors import notifications_for


def panel(request: HttpRequest) -> dict[str, Any] | None:
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    unread = list(
        notifications_for(recipient=membership.user, organisation=membership.organisation).filter(
            read_at__isnull=True
        )[:5]
    )
    if not unread:
        return None
    return {"template": "notifications/_panel.html", "order": 5, "unread": unread}
