"""Personal data held by the consent register (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.consent.models import Consent
from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["consent.consent"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "consents": [
            {
                "use": c.use,
                "given_by": c.given_by,
                "giver_name": c.giver_name,
                "relationship": c.relationship,
                "given_on": c.given_on.isoformat(),
                "expires_on": c.expires_on.isoformat() if c.expires_on else None,
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
                "scope": c.scope,
            }
            for c in Consent.objects.filter(young_person=membership)
        ]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Consent records are kept as evidence of what was allowed; parents' names are removed."""
    Consent.objects.filter(young_person=membership).update(giver_name="(removed)")


PROVIDER = PersonalData(
    app="consent",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={"consent.consent": {"recorded_by"}},
)
