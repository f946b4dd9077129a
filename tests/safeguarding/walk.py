"""Walk providers for safeguarding: a concern in the victim organisation."""

from __future__ import annotations

import datetime

from coproduce.safeguarding import services
from coproduce.safeguarding.models import Concern
from tests.tenancy.walk import Provider, World


def concern(world: World) -> Concern:
    return world.once(
        "safeguarding_concern",
        lambda: services.concern_record(
            acting_user=world.staff.user,
            reporter=world.staff,
            young_person=world.young_person,
            happened_at=datetime.datetime(2026, 9, 1, 18, 0, tzinfo=datetime.UTC),
            what_happened=world.marker("concern"),
            their_words=world.marker("disclosure"),
        ),
    )


PROVIDERS: dict[str, Provider] = {"concern_id": lambda w: concern(w).pk}
