"""Messages sent to a person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.notifications.models import ContactPreference, Message, Notification

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = [
    "notifications.notification",
    "notifications.message",
    "notifications.contactpreference",
]


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
        ],
        "e-mails and texts": [
            {
                "queued": m.created_at.isoformat(),
                "by": m.channel,
                "to": m.to,
                "subject": m.subject,
                "text": m.body,
                "status": m.status,
                "reason": m.reason,
            }
            for m in Message.objects.filter(recipient=membership)
        ],
        "how we contact you": [
            {"channel": p.channel, "mobile": p.mobile}
            for p in ContactPreference.objects.filter(membership=membership)
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    Notification.objects.filter(
        recipient=membership.user, organisation=membership.organisation
    ).delete()
    # The record that a message was sent stays (for staff's counts); what it said and where
    # it went do not.
    Message.objects.filter(recipient=membership).update(
        to="", contact_address="", subject="", body="", url=""
    )
    ContactPreference.objects.filter(membership=membership).delete()


PROVIDER = PersonalData(app="notifications", models=MODELS, export=export, erase=erase)
