"""Photos, films and quotes in which a person can be identified."""

from __future__ import annotations

from typing import Any

from coproduce.accounts.models import User
from coproduce.media.models import MediaItem
from coproduce.organisations.models import Membership

MODELS = ["media.mediaitem"]


def items_of(membership: Membership) -> list[MediaItem]:
    return list(MediaItem.objects.filter(people=membership).select_related("project"))


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "photos_films_and_quotes": [
            {
                "kind": m.kind,
                "caption": m.caption,
                "quote": m.quote_text,
                "project": m.project.name if m.project else "",
                "added": m.uploaded_at.isoformat(),
                "file": f"media/{m.pk}-{m.file.name.rsplit('/', 1)[-1]}" if m.file else None,
            }
            for m in items_of(membership)
        ]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """A child's image or words are removed with them, files included."""
    for item in items_of(membership):
        stored = item.file.name
        item.delete()
        if stored:
            item.file.storage.delete(stored)
