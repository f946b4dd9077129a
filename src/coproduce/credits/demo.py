"""Demo credits: issued from the Youth Club Redesign register, a trip with limited places,
a booking, and Fran past her 10-hour milestone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.credits import services
from coproduce.projects.selectors import sessions_in

if TYPE_CHECKING:
    from coproduce.core.demo import DemoContext


def load(context: DemoContext) -> None:
    user = context.staff.user
    for session in sessions_in(organisation=context.organisation):
        services.credits_issue_for_session(acting_user=user, session=session)
    services.credits_award(
        acting_user=user,
        membership=context.people["young"],
        minutes=180,
        reason="Interview panel for the new youth worker",
        idempotency_key="demo:panel",
    )
    services.credits_award(
        acting_user=user,
        membership=context.people["aisha"],
        minutes=120,
        reason="Helping at the food bank",
        category="partner",
        partner_name="Bryn Valley Food Bank",
        idempotency_key="demo:foodbank",
    )
    trip = services.reward_create(
        acting_user=user,
        organisation=context.organisation,
        name="Trip to Barry Island",
        price_minutes=300,
        places=12,
        description="A day at the beach in July.",
        translations={
            "name": {"en_gb": "Trip to Barry Island", "cy": "Trip i Ynys y Barri"},
            "description": {
                "en_gb": "A day at the beach in July.",
                "cy": "Diwrnod ar y traeth ym mis Gorffennaf.",
            },
        },
    )
    services.reward_create(
        acting_user=user,
        organisation=context.organisation,
        name="Climbing wall session",
        price_minutes=120,
        description="Two hours at the Valleys climbing centre.",
        translations={
            "name": {"en_gb": "Climbing wall session", "cy": "Sesiwn wal ddringo"},
            "description": {
                "en_gb": "Two hours at the Valleys climbing centre.",
                "cy": "Dwy awr yng nghanolfan ddringo'r Cymoedd.",
            },
        },
    )
    services.reward_redeem(
        acting_user=context.people["young"].user,
        membership=context.people["young"],
        reward=trip,
        idempotency_key="demo:trip:fran",
    )
