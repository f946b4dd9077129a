"""The audit trail: what a person did, what was done to them, and who looked at their record.

The trail is append-only and records field *names*, never personal values, so erasure
leaves it as it is: after the account is anonymised its rows point at nobody identifiable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from coproduce.audit.models import AuditEvent
from coproduce.core.hooks import PersonalData
from coproduce.core.personal_data import rows_about

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["audit.auditevent"]


# Values in `details` that list other people (media.add names everyone in a photo).
OTHER_PEOPLE = {"people"}


def _done_to(membership: Membership) -> Q:
    """Events whose target is the person's membership or account, or a row about them."""
    query = Q()
    for label, pks in rows_about(membership, skip=MODELS).items():
        query |= Q(target_type=label, target_id__in=sorted(pks))
    return query


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    events = AuditEvent.objects.filter(organisation=membership.organisation)
    return {
        "things_you_did": [
            {"when": e.created_at.isoformat(), "action": e.verb, "what": e.target_type}
            # All of them: a subject access request is answered in full.
            for e in events.filter(actor=membership.user).order_by("created_at").iterator()
        ],
        # What staff (or the system) did to the person or to something about them: being
        # added with a role, a role changed, consent recorded, credits given, a photo tagged.
        "things_done_about_you": [
            {
                "when": e.created_at.isoformat(),
                "who": e.actor.display_name if e.actor else "",
                "action": e.verb,
                "what": e.target_type,
                "fields_changed": ", ".join(e.changed_fields),
                "details": {k: v for k, v in e.details.items() if k not in OTHER_PEOPLE},
            }
            for e in events.filter(_done_to(membership))
            .exclude(actor=membership.user)
            .exclude(verb="person.view")  # listed below, with the page looked at
            .select_related("actor")
            .order_by("created_at", "pk")
            .iterator(chunk_size=500)
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
