from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from coproduce.media.selectors import media_for, publishable_media


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Staff: photos, films and quotes that cannot be published for want of consent."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    status = publishable_media(list(media_for(membership.organisation)[:200]), timezone.localdate())
    if not status.left_out:
        return None
    return {"template": "media/_panel.html", "order": 15, "count": len(status.left_out)}
