"""Inclusion measures on hand-made numbers with known answers."""

from __future__ import annotations

import datetime
from decimal import Decimal

from coproduce.monitoring.analytics import age_band, age_on, gini, share, top_tenth_share


def test_gini_is_zero_when_everyone_has_the_same_and_high_when_one_has_everything() -> None:
    assert gini([5, 5, 5, 5]) == Decimal(0)
    assert gini([0, 0, 0, 10]) == Decimal("0.750")  # (n − 1) / n for four people
    assert gini([1, 2, 3, 4]) == Decimal("0.250")
    assert gini([]) == Decimal(0) and gini([0, 0]) == Decimal(0)
    assert gini([3, 1, 4, 2]) == gini([1, 2, 3, 4])  # order does not matter


def test_the_most_asked_tenth_share_counts_at_least_one_person() -> None:
    assert top_tenth_share([0, 0, 0, 10]) == Decimal(1)
    # 20 young people: the top two have 10 places each, the rest one each: 20 of 38.
    assert top_tenth_share([10, 10] + [1] * 18) == Decimal("0.526")
    assert top_tenth_share([2] * 10) == Decimal("0.100")


def test_age_is_counted_on_the_day_and_put_in_a_band() -> None:
    born = datetime.date(2014, 3, 10)
    assert age_on(born, datetime.date(2026, 3, 9)) == 11
    assert age_on(born, datetime.date(2026, 3, 10)) == 12
    assert [age_band(a) for a in (10, 11, 12, 13, 15, 16, 17, 18, 25, 26, None)] == [
        "Other or not known",
        "11–12",
        "11–12",
        "13–15",
        "13–15",
        "16–17",
        "16–17",
        "18–25",
        "18–25",
        "Other or not known",
        "Other or not known",
    ]


def test_a_share_of_nothing_is_unknown_not_zero() -> None:
    assert share(1, 0) is None and share(1, 3) == Decimal("0.333")
