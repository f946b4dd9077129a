"""Reads for media, and the one place that decides what may be published."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coproduce.consent.selectors import Left, Publishable, publishable
from coproduce.core.tenancy import get_for
from coproduce.media.models import MediaItem

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def media_for(organisation: Organisation) -> QuerySet[MediaItem]:
    return (
        MediaItem.objects.filter(organisation=organisation)
        .select_related("project", "session", "idea", "uploaded_by")
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
    if viewer.is_young_person and item.uploaded_by_id == viewer.user_id:
        return True  # their own photo, while it waits for approval too
    return viewer.is_young_person and item.people.filter(pk=viewer.pk).exists()


def waiting_approval(organisation: Organisation) -> QuerySet[MediaItem]:
    """Young people's own photos and quotes that staff have not yet approved, oldest first."""
    return media_for(organisation).filter(approved_at__isnull=True).order_by("uploaded_at", "pk")


def offered_by(membership: Membership) -> QuerySet[MediaItem]:
    """What a young person added themselves, newest first."""
    return media_for(membership.organisation).filter(uploaded_by=membership.user_id)


def publishable_media(
    items: QuerySet[MediaItem] | list[MediaItem], on: datetime.date
) -> Publishable[MediaItem]:
    """Each item is published only when staff approved it and every identifiable young person
    consents to that use."""
    by_use: dict[str, list[tuple[MediaItem, list[Membership]]]] = {}
    result: Publishable[MediaItem] = Publishable([], [])
    for item in items:
        if not item.approved:
            result.left_out.append(Left(item, [_("Waiting for staff approval")]))
            continue
        by_use.setdefault(item.consent_use, []).append((item, list(item.people.all())))
    for use, pairs in by_use.items():
        part = publishable(pairs, use, on)
        result.included.extend(part.included)
        result.left_out.extend(part.left_out)
    return result


def project_media_for_board(project: Project, on: datetime.date) -> Publishable[MediaItem]:
    return publishable_media(list(media_for(project.organisation).filter(project=project)), on)
