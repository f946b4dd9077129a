"""Walk providers for media."""

from __future__ import annotations

from coproduce.media import services
from coproduce.media.models import MediaItem
from tests.projects.walk import project
from tests.tenancy.walk import Provider, World


def media(world: World) -> MediaItem:
    return world.once(
        "media",
        lambda: services.media_add(
            acting_user=world.staff.user,
            organisation=world.organisation,
            kind="quote",
            caption=world.marker("caption"),
            quote_text=world.marker("quote"),
            project=project(world),
            people=[world.young_person],
        ),
    )


PROVIDERS: dict[str, Provider] = {"media_id": lambda w: media(w).pk}
