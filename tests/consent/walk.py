"""Walk providers for the consent register."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coproduce.consent import services
from coproduce.consent.models import Consent, ConsentRequest
from tests.factories import YoungPersonFactory
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


def consent_request(world: World) -> ConsentRequest:
    """A victim child's link, made for a parent the walk can spot."""

    def make() -> ConsentRequest:
        child = YoungPersonFactory.create(
            organisation=world.organisation,
            user__first_name=world.marker("child"),
            user__date_of_birth=datetime.date(2014, 3, 1),
        )
        made, _raw = services.consent_request_create(
            acting_user=world.staff.user,
            young_person=child,
            recipient_name=world.marker("parent"),
            relationship="mother",
            consent_until=timezone.localdate() + datetime.timedelta(days=300),
        )
        return made

    return world.once("consent_request", make)


PROVIDERS: dict[str, Provider] = {
    "consent_id": lambda w: consent(w).pk,
    "request_id": lambda w: consent_request(w).pk,
    # The link's secret is the parent's key and is never stored; what an insider could read
    # (the stored hash) must open nothing. tests/consent/test_parent_links.py proves one
    # organisation's real link reaches nothing but its own child.
    "consent_token": lambda w: consent_request(w).token_hash,
}
