"""Quiet hours: no text messages to under-18s late at night or early in the morning.

The organisation sets the hours (MessageSettings.quiet_from / quiet_until, local time); a
text that falls inside them waits until the morning. A young person whose date of birth is
not recorded is treated as under 18.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from coproduce.notifications.models import MessageSettings
    from coproduce.organisations.models import Membership


def protected(membership: Membership, today: datetime.date) -> bool:
    age = membership.user.age_on(today)
    if age is None:
        return bool(membership.is_young_person)
    return age < 18


def in_quiet_hours(row: MessageSettings, moment: datetime.time) -> bool:
    start, end = row.quiet_from, row.quiet_until
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end  # across midnight, e.g. 21:00 to 08:00


def hold_until(
    row: MessageSettings, membership: Membership, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    """When a text to this person may go, if not now; None if it may go now."""
    now = timezone.localtime(now or timezone.now())
    if not protected(membership, now.date()) or not in_quiet_hours(row, now.time()):
        return None
    day = now.date() if now.time() < row.quiet_until else now.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, row.quiet_until))
