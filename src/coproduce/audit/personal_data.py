"""The audit trail: what a person did, and who looked at their record.

The trail is append-only and records field *names*, never personal values, so erasure
leaves it as it is: after the account is anonymised its rows point at nobody identifiable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.audit.models import AuditEvent
from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["audit.auditevent"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    events = AuditEvent.objects.filter(organisation=membership.organisation)
    return {
        "things_you_did": [
            {"when": e.created_at.isoformat(), "action": e.verb, "what": e.target_type}
            # All of them: a subject access request is answered in full.
            for e in events.filter(actor=membership.user).order_by("created_at").iterator()
        ],
        "who_looked_at_your_record": [
            {
                "when": e.created_at.isoformat(),
                "who": e.actor.display_name if e.actor else "",
                "page": e.details.get("page", ""),
            }
            for e in events.filter(
                verb="person.view",
                target_type="organisations.membership",
                target_id=str(membership.pk),
            ).select_related("actor")
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Nothing to remove: see the module docstring."""


PROVIDER = PersonalData(app="audit", models=MODELS, export=export, erase=erase)
