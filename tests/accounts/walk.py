"""Walk providers for the accounts app."""

from __future__ import annotations

from coproduce.accounts.services import api_token_create
from tests.tenancy.walk import Provider, World


def _token(world: World) -> int:
    token, _raw = world.once(
        "api_token",
        lambda: api_token_create(
            acting_user=world.staff.user, membership=world.staff, name=world.marker("token")
        ),
    )
    return int(token.pk)


PROVIDERS: dict[str, Provider] = {"token_id": _token}
