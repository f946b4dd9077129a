from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from coproduce.core.dashboard import Asking, Panel
from coproduce.core.prepared import Prepared
from coproduce.notifications.models import Notification


def _unread_page(*, organisation: int, recipient: int) -> QuerySet[Notification, Any]:
    return Notification.objects.filter(
        organisation_id=organisation, recipient_id=recipient, read_at__isnull=True
    ).values("subject", "url")[:5]


_unread_first = Prepared(_unread_page, organisation=int, recipient=int)


def panel(request: HttpRequest) -> Asking:
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    unread = yield _unread_first.bind(
        organisation=membership.organisation_id, recipient=membership.user_id
    )
    if not unread:
        return None
    return Panel("notifications/_panel.html", 5, {"unread": unread})
