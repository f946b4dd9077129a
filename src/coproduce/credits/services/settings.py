"""Changing how an organisation counts credits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from coproduce.audit.services import audit_record
from coproduce.credits.models import CreditSettings
from coproduce.credits.selectors import settings_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


def credit_settings_update(
    *,
    acting_user: User,
    organisation: Organisation,
    minutes_per_credit: int,
    rounding_minutes: int,
    allow_giving: bool,
    cancel_within_days: int | None = None,
) -> CreditSettings:
    with transaction.atomic():
        row = settings_for(organisation=organisation)
        row.minutes_per_credit, row.rounding_minutes, row.allow_giving = (
            minutes_per_credit,
            rounding_minutes,
            allow_giving,
        )
        if cancel_within_days is not None:
            row.cancel_within_days = cancel_within_days
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credit_settings.update",
            target=row,
            details={
                "minutes_per_credit": minutes_per_credit,
                "rounding_minutes": rounding_minutes,
                "allow_giving": allow_giving,
                "cancel_within_days": row.cancel_within_days,
            },
        )
    return row
