"""Walk providers for the consent register."""

from __future__ import annotations

import datetime

from coproduce.consent import services
from coproduce.consent.models import Consent
from tests.tenancy.walk import Provider, World


def consent(world: World) -> Consent:
    return world.once(
        "consent",
        lambda: services.consent_record(
            acting_user=world.staff.user,
            young_person=world.young_person,
            use="quote",
            given_by="parent",
            giver_name=world.marker("parent"),
            relationship="mother",
            given_on=datetime.date(2026, 9, 1),
        ),
    )


PROVIDERS: dict[str, Provider] = {"consent_id": lambda w: consent(w).pk}
