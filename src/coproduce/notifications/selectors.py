from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from coproduce.notifications.models import EmailFailure, Notification

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


def notifications_for(*, recipient: User, organisation: Organisation) -> QuerySet[Notification]:
    return Notification.objects.filter(organisation=organisation, recipient=recipient)


def unread_count(*, recipient: User, organisation: Organisation) -> int:
    return (
        notifications_for(recipient=recipient, organisation=organisation)
        .filter(read_at__isnull=True)
        .count()
    )


def email_failures_for(*, organisation: Organisation) -> QuerySet[EmailFailure]:
    """Failed e-mail attempts, newest first, with the notification's kind and subject."""
    return EmailFailure.objects.filter(organisation=organisation).select_related("notification")
