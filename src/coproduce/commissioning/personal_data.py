"""Personal data held by commissioning panels (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.commissioning.models import Declaration, PanelMember, Score
from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["commissioning.panelmember", "commissioning.declaration", "commissioning.score"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    seats = PanelMember.objects.filter(membership=membership).select_related("round")
    return {
        "commissioning_panels": [
            {
                "round": s.round.title,
                "taking_part_as": s.kind,
                "role": s.role_title,
                "briefed_at": s.briefed_at.isoformat() if s.briefed_at else None,
                "submitted_at": s.submitted_at.isoformat() if s.submitted_at else None,
            }
            for s in seats
        ],
        "commissioning_declarations": [
            {"bid": d.bid.title, "has_interest": d.has_interest, "details": d.details}
            for d in Declaration.objects.filter(member__membership=membership).select_related("bid")
        ],
        "commissioning_scores": [
            {
                "bid": s.bid.title,
                "criterion": s.criterion.name,
                "score": s.score,
                "comment": s.comment,
            }
            for s in Score.objects.filter(member__membership=membership).select_related(
                "bid", "criterion"
            )
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Scores stay so the panel's results do not change; what the person wrote is removed."""
    Score.objects.filter(member__membership=membership).update(comment="(removed)")
    Declaration.objects.filter(member__membership=membership, has_interest=True).update(
        details="(removed)"
    )


PROVIDER = PersonalData(
    app="commissioning",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "commissioning.round": {"decided_by"},
        "commissioning.agreedscore": {"recorded_by"},
    },
)
