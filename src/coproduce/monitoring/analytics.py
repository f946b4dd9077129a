"""Inclusion measures as plain functions, so tests can check them on hand-made numbers."""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_noop

AGE_BANDS = [("11–12", 11, 12), ("13–15", 13, 15), ("16–17", 16, 17), ("18–25", 18, 25)]
OTHER_BAND = gettext_noop("Other or not known")  # shown through gettext


def age_on(born: datetime.date | None, day: datetime.date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band(age: int | None) -> str:
    if age is not None:
        for name, low, high in AGE_BANDS:
            if low <= age <= high:
                return name
    return OTHER_BAND


def _round(value: Decimal, places: str = "0.001") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def gini(values: Sequence[int]) -> Decimal:
    """Gini coefficient of how opportunities are shared: 0 everyone alike, near 1 one person
    gets everything. Mean absolute difference over twice the mean (n² form)."""
    n = len(values)
    total = sum(values)
    if n == 0 or total == 0:
        return Decimal(0)
    ordered = sorted(values)
    # Σ (2i − n − 1) · x_i over the sorted values equals Σ_i Σ_j |x_i − x_j| / 2.
    weighted = sum((2 * (i + 1) - n - 1) * x for i, x in enumerate(ordered))
    return _round(Decimal(weighted) / (Decimal(n) * Decimal(total)))


def top_tenth_share(values: Sequence[int]) -> Decimal:
    """Share of all places taken by the most-asked tenth of young people (at least one person)."""
    total = sum(values)
    if total == 0:
        return Decimal(0)
    top = max(1, math.ceil(len(values) / 10))
    return _round(Decimal(sum(sorted(values, reverse=True)[:top])) / Decimal(total))


def share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else _round(Decimal(part) / Decimal(whole))
