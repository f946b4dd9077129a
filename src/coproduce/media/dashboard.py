from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils import timezone

from coproduce.media.models import MediaItem
from coproduce.media.selectors import media_for, publishable_media

CHECKED = 200  # the newest items, to bound the cost of the home page; the media list has all


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Staff: photos, films and quotes that cannot be published for want of consent."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    # Only items that identify someone can lack consent; the panel needs no project details.
    identifies = MediaItem.people.through.objects.filter(mediaitem=OuterRef("pk"))
    items = media_for(membership.organisation).select_related(None).filter(Exists(identifies))
    status = publishable_media(list(items[:CHECKED]), timezone.localdate())
    if not status.left_out:
        return None
    return {"template": "media/_panel.html", "order": 15, "count": len(status.left_out)}
