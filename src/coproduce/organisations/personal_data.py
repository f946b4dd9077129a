"""Personal data held about a person's place in an organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone

from coproduce.core.hooks import PersonalData
from coproduce.organisations.models import Membership

if TYPE_CHECKING:
    from coproduce.accounts.models import User

MODELS = ["organisations.membership"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "membership": [
            {
                "organisation": membership.organisation.name,
                "role": membership.role,
                "services": [s.name for s in membership.services.all()],
                "joined": membership.joined_on.isoformat(),
                "active": membership.is_active,
                "in_care": membership.in_care,
            }
        ]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """The membership stays as an anonymous row so counts, ledgers and aggregates keep adding
    up; it can no longer be used."""
    membership.is_active = False
    membership.erased_at = timezone.now()
    membership.save(update_fields=["is_active", "erased_at"])


PROVIDER = PersonalData(app="organisations", models=MODELS, export=export, erase=erase)
