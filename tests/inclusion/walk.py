"""Walk providers for inclusion (see tests/tenancy/walk.py)."""

from __future__ import annotations

import datetime

from coproduce.inclusion import services
from coproduce.inclusion.models import Payment
from tests.tenancy.walk import Provider, World


def payment(world: World) -> Payment:
    return world.once(
        "payment",
        lambda: services.payment_record(
            acting_user=world.staff.user,
            recorded_by=world.staff,
            young_person=world.young_person,
            kind="travel",
            purpose=world.marker("payment"),
            amount_pence=1234,
            method="cash",
            paid_on=datetime.date(2026, 10, 2),
        ),
    )


PROVIDERS: dict[str, Provider] = {"payment_id": lambda w: payment(w).pk}
