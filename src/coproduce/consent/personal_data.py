"""Personal data held by the consent register (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models.functions import Coalesce, Now

from coproduce.consent.models import Consent, ConsentRequest
from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["consent.consent", "consent.consentrequest"]


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
        ],
        "consent_requests": [
            {
                "asked": r.recipient_name,
                "relationship": r.relationship,
                "email": r.email,
                "delegated_authority": r.delegated_authority,
                "made_at": r.created_at.isoformat(),
                "opened_at": r.opened_at.isoformat() if r.opened_at else None,
                "answered_at": r.answered_at.isoformat() if r.answered_at else None,
                "signed_name": r.signed_name,
                "signed_relationship": r.signed_relationship,
                "signed_ip": r.signed_ip,
                "answers": r.answers,
            }
            for r in ConsentRequest.objects.filter(young_person=membership)
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Consent records are kept as evidence of what was allowed; parents' names are removed."""
    Consent.objects.filter(young_person=membership).update(giver_name="(removed)")
    # Links stop working; who was asked and who signed are removed, the answers kept.
    ConsentRequest.objects.filter(young_person=membership).update(
        recipient_name="(removed)",
        email="",
        signed_name="",
        signed_ip=None,
        cancelled_at=Coalesce("cancelled_at", Now()),
    )


PROVIDER = PersonalData(
    app="consent",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "consent.consent": {"recorded_by"},
        "consent.consentrequest": {"created_by"},
    },
)
