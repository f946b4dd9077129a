"""Messages sent to a person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.notifications.models import Notification

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["notifications.notification"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "messages": [
            {
                "sent": n.created_at.isoformat(),
                "subject": n.subject,
                "body": n.body,
                "read": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(
                recipient=membership.user, organisation=membership.organisation
            )
        ]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    Notification.objects.filter(
        recipient=membership.user, organisation=membership.organisation
    ).delete()


PROVIDER = PersonalData(app="notifications", models=MODELS, export=export, erase=erase)
