"""Messages sent to a person."""

from __future__ import annotations

from typing import Any

from coproduce.accounts.models import User
from coproduce.notifications.models import Notification
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
