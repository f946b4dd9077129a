"""Photos, films and quotes in which a person can be identified."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.media.models import MediaItem

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile

    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["media.mediaitem"]


def items_of(membership: Membership) -> list[MediaItem]:
    return list(MediaItem.objects.filter(people=membership).select_related("project"))


def _archive_name(item: MediaItem) -> str:
    return f"media/{item.pk}-{item.file.name.rsplit('/', 1)[-1]}"


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "photos_films_and_quotes": [
            {
                "kind": m.kind,
                "caption": m.caption,
                "quote": m.quote_text,
                "project": m.project.name if m.project else "",
                "added": m.uploaded_at.isoformat(),
                "file": _archive_name(m) if m.file else None,
            }
            for m in items_of(membership)
        ]
    }


def files(membership: Membership) -> list[tuple[str, FieldFile]]:
    """The photos and films they are in, for the download (quotes have no file)."""
    items = MediaItem.objects.filter(people=membership).exclude(file="")
    return [(_archive_name(item), item.file) for item in items]


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """A child's image or words are removed with them, files included."""
    for item in items_of(membership):
        stored = item.file.name
        item.delete()
        if stored:
            item.file.storage.delete(stored)


PROVIDER = PersonalData(
    app="media",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={"media.mediaitem": {"uploaded_by"}},
    files=files,
)
