"""Plausible dates: a typing slip (the year 633, or 2205) is refused with a message, not stored.

One rule for forms and the API, checked in model `clean()` and services (so `full_clean()`
applies it to both).
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST_EVENT_YEAR = 1990
EVENT_YEARS_AHEAD = 5
YOUNGEST_AGE = 5
OLDEST_AGE = 30


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def event_date_problem(value: datetime.date, *, today: datetime.date | None = None) -> str | None:
    """Why a date something happened (or is planned) cannot be right, or None."""
    today = today or timezone.localdate()
    latest = today.year + EVENT_YEARS_AHEAD
    if not EARLIEST_EVENT_YEAR <= value.year <= latest:
        return _("Enter a date between %(first)d and %(last)d") % {
            "first": EARLIEST_EVENT_YEAR,
            "last": latest,
        }
    return None


def young_birth_date_problem(value: datetime.date, *, today: datetime.date) -> str | None:
    """Why a young person's date of birth cannot be right, or None."""
    if not _years_before(today, OLDEST_AGE + 1) < value <= _years_before(today, YOUNGEST_AGE):
        return _("Enter a date of birth for someone aged %(young)d to %(old)d") % {
            "young": YOUNGEST_AGE,
            "old": OLDEST_AGE,
        }
    return None
