from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.core.dashboard import Asking, Panel
from coproduce.core.prepared import Prepared
from coproduce.media.models import MediaItem
from coproduce.media.selectors import media_for, publishable_media

CHECKED = 200  # the newest items, to bound the cost of the home page; the media list has all
# Only items that identify someone can lack consent; the panel needs no project details.
_identifies = MediaItem.people.through.objects.filter(mediaitem=OuterRef("pk"))


def _identifying(*, organisation: int) -> QuerySet[MediaItem, Any]:
    return (
        MediaItem.objects.filter(organisation_id=organisation)
        .filter(Exists(_identifies))
        .values("id")[:1]
    )


_any_identifying = Prepared(_identifying, organisation=int)


def panel(request: HttpRequest) -> Asking:
    """Staff: photos, films and quotes that cannot be published for want of consent."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    if not (yield _any_identifying.bind(organisation=membership.organisation_id)):
        return None  # the common case, answered without the consent checks
    items = (
        media_for(membership.organisation)
        .select_related(None)
        .filter(Exists(_identifies), approved_at__isnull=False)
    )
    status = publishable_media(list(items[:CHECKED]), timezone.localdate())
    if not status.left_out:
        return None
    return Panel("media/_panel.html", 15, {"count": len(status.left_out)})


def _waiting(*, organisation: int) -> QuerySet[MediaItem, Any]:
    return (
        MediaItem.objects.filter(organisation_id=organisation, approved_at__isnull=True)
        .order_by()
        .values("organisation_id")
        .annotate(n=Count("pk"))
    )


_waiting_count = Prepared(_waiting, organisation=int)


def waiting_panel(request: HttpRequest) -> Asking:
    """Staff: young people's own photos and quotes waiting for approval."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    rows = yield _waiting_count.bind(organisation=membership.organisation_id)
    if not rows:
        return None
    return Panel("media/_waiting_panel.html", 14, {"count": rows[0]["n"]})
