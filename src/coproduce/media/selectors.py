"""Reads for media, and the one place that decides what may be published."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from coproduce.consent.selectors import Publishable, publishable
from coproduce.core.tenancy import get_for
from coproduce.media.models import MediaItem

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def media_for(organisation: Organisation) -> QuerySet[MediaItem]:
    return (
        MediaItem.objects.filter(organisation=organisation)
        .select_related("project", "session", "idea")
        .prefetch_related("people__user")
    )


def get_media_for(*, organisation: Organisation | None, pk: int) -> MediaItem:
    return get_for(
        MediaItem.objects.prefetch_related("people__user"), organisation=organisation, pk=pk
    )


def may_open(item: MediaItem, viewer: Membership) -> bool:
    """Staff of the organisation; a young person only for an item they are identified in."""
    if viewer.organisation_id != item.organisation_id or not viewer.is_active:
        return False
    if viewer.is_staff_member:
        return True
    return viewer.is_young_person and item.people.filter(pk=viewer.pk).exists()


def publishable_media(
    items: QuerySet[MediaItem] | list[MediaItem], on: datetime.date
) -> Publishable[MediaItem]:
    """Each item is published only when every identifiable young person consents to that use."""
    by_use: dict[str, list[tuple[MediaItem, list[Membership]]]] = {}
    for item in items:
        by_use.setdefault(item.consent_use, []).append((item, list(item.people.all())))
    result: Publishable[MediaItem] = Publishable([], [])
    for use, pairs in by_use.items():
        part = publishable(pairs, use, on)
        result.included.extend(part.included)
        result.left_out.extend(part.left_out)
    return result


def project_media_for_board(project: Project, on: datetime.date) -> Publishable[MediaItem]:
    return publishable_media(list(media_for(project.organisation).filter(project=project)), on)
