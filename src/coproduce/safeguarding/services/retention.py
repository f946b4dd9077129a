"""Concerns past their retention period lose what identifies anyone (the rows, and so the
totals, stay). Run daily by `coproduce safeguarding_retention`, and for one person on erasure."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.audit.services import audit_record
from coproduce.safeguarding.models import Concern, ConcernAction
from coproduce.safeguarding.selectors import settings_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

REMOVED = "(removed)"


def kept_until(closed_at: datetime.datetime, *, years: int) -> datetime.date:
    closed = timezone.localdate(closed_at)
    try:
        return closed.replace(year=closed.year + years)
    except ValueError:  # 29 February
        return closed.replace(year=closed.year + years, day=28)


def still_kept(concern: Concern, *, years: int, today: datetime.date) -> bool:
    """Open, or closed less than `years` ago."""
    return concern.closed_at is None or today < kept_until(concern.closed_at, years=years)


def past_retention(
    concerns: QuerySet[Concern], *, organisation: Organisation, today: datetime.date
) -> list[Concern]:
    """Of these concerns, those closed longer ago than the organisation keeps them and not
    yet anonymised."""
    years = settings_for(organisation=organisation).retention_years
    candidates = concerns.filter(organisation=organisation, closed_at__isnull=False).exclude(
        what_happened=REMOVED
    )
    return [c for c in candidates if not still_kept(c, years=years, today=today)]


def anonymise(concerns: list[Concern]) -> None:
    ids = [c.pk for c in concerns]
    Concern.objects.filter(pk__in=ids).update(
        young_person_name=REMOVED,
        what_happened=REMOVED,
        their_words=REMOVED,
        others_present=REMOVED,
        immediate_action=REMOVED,
        close_reason=REMOVED,
    )
    ConcernAction.objects.filter(concern_id__in=ids).update(details=REMOVED, outcome=REMOVED)


def concerns_retention_apply(
    *, organisation: Organisation, today: datetime.date, dry_run: bool
) -> int:
    """Anonymise every concern of the organisation past its retention period; returns how many
    (a second run finds none)."""
    due = past_retention(Concern.objects.all(), organisation=organisation, today=today)
    if dry_run or not due:
        return len(due)
    with transaction.atomic():
        anonymise(due)
        audit_record(
            acting_user=None,
            organisation=organisation,
            verb="safeguarding.retention.apply",
            target=organisation,
            details={"concerns": len(due)},
        )
    return len(due)
