"""Inclusion measures as plain functions, so tests can check them on hand-made numbers."""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_noop

AGE_BANDS = [("11–12", 11, 12), ("13–15", 13, 15), ("16–17", 16, 17), ("18–25", 18, 25)]
OTHER_BAND = gettext_noop("Other or not known")  # shown through gettext


def age_on(born: datetime.date | None, day: datetime.date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def born_by_for_age(age: int, day: datetime.date) -> datetime.date:
    """The last date of birth of someone at least `age` years old on `day`: `age_on(born, day)
    >= age` exactly when `born <= born_by_for_age(age, day)`, so a database can count ages by
    comparing dates. On 29 February in a year that has none, it is 28 February."""
    year = day.year - age
    if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return day.replace(year=year)


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


def gini_of_counts(counts: Mapping[int, int]) -> Decimal:
    """`gini` of the values given as {value: how many people have it}: the same sum over the
    sorted values, taken a run of equal values at a time (so the same figure, exactly)."""
    n = sum(counts.values())
    total = sum(value * people for value, people in counts.items())
    if n == 0 or total == 0:
        return Decimal(0)
    weighted = below = 0
    for value in sorted(counts):
        people = counts[value]
        # Positions below+1 … below+people: Σ (2i − n − 1) = people · (2·below + people − n).
        weighted += value * people * (2 * below + people - n)
        below += people
    return _round(Decimal(weighted) / (Decimal(n) * Decimal(total)))


def top_tenth_share_of_counts(counts: Mapping[int, int]) -> Decimal:
    """`top_tenth_share` of the values given as {value: how many people have it}."""
    total = sum(value * people for value, people in counts.items())
    if total == 0:
        return Decimal(0)
    left = max(1, math.ceil(sum(counts.values()) / 10))
    top = 0
    for value in sorted(counts, reverse=True):
        taken = min(left, counts[value])
        top += value * taken
        left -= taken
        if not left:
            break
    return _round(Decimal(top) / Decimal(total))


def top_tenth_share(values: Sequence[int]) -> Decimal:
    """Share of all places taken by the most-asked tenth of young people (at least one person)."""
    total = sum(values)
    if total == 0:
        return Decimal(0)
    top = max(1, math.ceil(len(values) / 10))
    return _round(Decimal(sum(sorted(values, reverse=True)[:top])) / Decimal(total))


def share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else _round(Decimal(part) / Decimal(whole))
