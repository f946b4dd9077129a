"""Personal data held by inclusion (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.inclusion.models import AccessNeeds, EqualityProfile, Payment

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["inclusion.equalityprofile", "inclusion.accessneeds", "inclusion.payment"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    profile = EqualityProfile.objects.filter(membership=membership).first()
    needs = AccessNeeds.objects.filter(membership=membership).first()
    return {
        "equality_monitoring": (
            [
                {
                    **{name: getattr(profile, name) for name in EqualityProfile.PERSONAL_FIELDS},
                    "lawful_basis": profile.lawful_basis,
                    "answered": profile.answered_at.isoformat(),
                }
            ]
            if profile
            else []
        ),
        "access_needs": (
            [{"needs": needs.needs, "notes": needs.notes, "first_language": needs.first_language}]
            if needs
            else []
        ),
        "payments": [
            {
                "paid_on": p.paid_on.isoformat(),
                "what": p.kind,
                "for": p.purpose,
                "amount": p.amount,
                "method": p.method,
                "status": p.status,
                "receipt_kept": bool(p.receipt),
            }
            for p in Payment.objects.filter(young_person=membership)
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Equality answers and access needs go (special category data kept for no other reason).
    Payments stay for the finance record, their amounts and dates intact, with the free-text
    purpose removed; the membership itself is anonymised by the organisations provider."""
    EqualityProfile.objects.filter(membership=membership).delete()
    AccessNeeds.objects.filter(membership=membership).delete()
    Payment.objects.filter(young_person=membership).update(purpose="")


PROVIDER = PersonalData(
    app="inclusion",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "inclusion.accessneeds": {"updated_by"},
        "inclusion.payment": {"recorded_by", "decided_by"},
    },
)
