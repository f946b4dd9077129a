"""A young person's own check-in answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.outcomes.measures import KEYS
from coproduce.outcomes.models import OutcomeCheckIn

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["outcomes.outcomecheckin"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "how_you_were_doing": [
            {
                "project": c.project.name,
                "when": c.taken_at.isoformat(),
                **{k: getattr(c, k) for k in KEYS},
            }
            for c in OutcomeCheckIn.objects.filter(young_person=membership).select_related(
                "project"
            )
        ]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Answers stay, unnamed, so a project's before-and-after stays right (the membership is
    anonymised by the organisations provider)."""


PROVIDER = PersonalData(
    app="outcomes",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={"outcomes.outcomesettings": {"updated_by"}},
)
