"""Providers for the foundation's URL kwargs (see tests/tenancy/walk.py)."""

from __future__ import annotations

from tests.factories import ServiceFactory
from tests.tenancy.walk import Provider, World


def _service(world: World) -> int:
    service = world.once(
        "service",
        lambda: ServiceFactory.create(
            organisation=world.organisation, name=world.marker("service")
        ),
    )
    return int(service.pk)


PROVIDERS: dict[str, Provider] = {
    "membership_id": lambda w: w.young_person.pk,
    "service_id": _service,
    # allauth's e-mailed keys and tokens: not tenant data; any value must simply fail safely.
    "key": lambda w: "not-a-real-key",
    "uidb36": lambda w: "zz",
    "format": lambda w: "json",
}
