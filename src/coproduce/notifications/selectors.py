from __future__ import annotations

from django.db.models import QuerySet

from coproduce.accounts.models import User
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Organisation


def notifications_for(*, recipient: User, organisation: Organisation) -> QuerySet[Notification]:
    return Notification.objects.filter(organisation=organisation, recipient=recipient)


def unread_count(*, recipient: User, organisation: Organisation) -> int:
    return (
        notifications_for(recipient=recipient, organisation=organisation)
        .filter(read_at__isnull=True)
        .count()
    )
