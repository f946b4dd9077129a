"""Walk providers for time credits."""

from __future__ import annotations

from coproduce.credits import services
from coproduce.credits.models import Recognition, Redemption, Reward
from tests.tenancy.walk import Provider, World


def reward(world: World) -> Reward:
    return world.once(
        "reward",
        lambda: services.reward_create(
            acting_user=world.staff.user,
            organisation=world.organisation,
            name=world.marker("reward"),
            price_minutes=60,
            places=3,
        ),
    )


def redemption(world: World) -> Redemption:
    def make() -> Redemption:
        services.credits_award(
            acting_user=world.staff.user,
            membership=world.young_person,
            minutes=600,
            reason=world.marker("award"),
            idempotency_key="walk",
        )
        return services.reward_redeem(
            acting_user=world.staff.user,
            membership=world.young_person,
            reward=reward(world),
            idempotency_key="walk-redeem",
        )

    return world.once("redemption", make)


def recognition(world: World) -> Recognition:
    redemption(world)
    return world.once(
        "recognition", lambda: Recognition.objects.filter(young_person=world.young_person).get()
    )


PROVIDERS: dict[str, Provider] = {
    "reward_id": lambda w: reward(w).pk,
    "redemption_id": lambda w: redemption(w).pk,
    "recognition_id": lambda w: recognition(w).pk,
}


def _check_in_token(world: World) -> str:
    from coproduce.credits.services import check_in_token
    from tests.projects.walk import session

    return check_in_token(session(world))


PROVIDERS["token"] = _check_in_token
