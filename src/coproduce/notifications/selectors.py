from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet

from coproduce.core.tenancy import all_organisations, settings_or_defaults
from coproduce.notifications.models import (
    ContactPreference,
    Message,
    MessageSettings,
    Notification,
)
from coproduce.organisations.selectors import young_people_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def notifications_for(*, recipient: User, organisation: Organisation) -> QuerySet[Notification]:
    return Notification.objects.filter(organisation=organisation, recipient=recipient)


def unread_count(*, recipient: User, organisation: Organisation) -> int:
    return (
        notifications_for(recipient=recipient, organisation=organisation)
        .filter(read_at__isnull=True)
        .count()
    )


def settings_for(*, organisation: Organisation) -> MessageSettings:
    """The organisation's message settings (defaults until someone saves them)."""
    return settings_or_defaults(MessageSettings, organisation=organisation)


def preference_of(membership: Membership) -> ContactPreference:
    """How this person wants to hear from us (e-mail until they choose)."""
    found = ContactPreference.objects.filter(membership=membership).first()
    return found or ContactPreference(
        organisation_id=membership.organisation_id, membership=membership
    )


def messages_for(*, organisation: Organisation, status: str = "") -> QuerySet[Message]:
    """Every e-mail and text message, newest first, with who it went to."""
    found = Message.objects.filter(organisation=organisation).select_related("recipient__user")
    return found.filter(status=status) if status else found


def messages_of(membership: Membership, *, limit: int = 10) -> list[Message]:
    """The latest messages to one person, newest first."""
    return list(
        Message.objects.filter(organisation_id=membership.organisation_id, recipient=membership)[
            :limit
        ]
    )


def unreachable_people(*, organisation: Organisation) -> QuerySet[Membership]:
    """Active young people with no e-mail address and no mobile number: we cannot reach them."""
    has_mobile = ContactPreference.objects.filter(
        organisation=organisation, membership=OuterRef("pk")
    ).exclude(mobile="")
    return young_people_for(organisation=organisation).filter(~Exists(has_mobile), user__email="")


def recipient_of_link(membership_id: int) -> Membership | None:
    """The person an e-mail's unsubscribe link was made for (we have sent them a message)."""
    with all_organisations():
        found = (
            Message.objects.filter(recipient_id=membership_id)
            .select_related("recipient__user", "recipient__organisation")
            .first()
        )
    return found.recipient if found else None
