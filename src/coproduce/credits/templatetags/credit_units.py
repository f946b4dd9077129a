"""`plural_count`: a credit amount as the whole number that chooses its plural form.

Credits can be fractional (90 minutes at 60 a credit is 1.5); gettext chooses a plural form
from an integer, and a fraction takes the plural form in English: 1.5 and 0.5 count as 2.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django import template

if TYPE_CHECKING:
    from coproduce.credits.models import CreditSettings

register = template.Library()


@register.filter
def plural_count(amount: Decimal | int) -> int:
    whole = int(amount)
    return whole if whole == amount else max(whole + 1, 2)


@register.filter
def as_credits(minutes: int, settings: CreditSettings) -> Decimal:
    """Minutes from the ledger as credits at the organisation's rate (its settings convert)."""
    return settings.credits(minutes or 0)


@register.filter
def as_hours(minutes: int) -> int:
    """Minutes from the ledger as whole hours given (the explanation beside credits)."""
    from coproduce.credits.models import CreditSettings

    return CreditSettings.hours(minutes or 0)
