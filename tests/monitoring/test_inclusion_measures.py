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


def test_the_figures_from_counts_per_number_of_places_are_the_figures_from_every_person() -> None:
    """The page gets "so many young people took so many places" from the database; gini and
    the top tenth's share from those counts are exactly the ones from the list of people."""
    import random
    from collections import Counter

    from coproduce.monitoring.analytics import gini_of_counts, top_tenth_share_of_counts

    rng = random.Random(25)
    lists: list[list[int]] = [[], [0], [7], [0, 0], [3, 3, 3], [0, 0, 0, 10], [10, 10] + [1] * 18]
    lists += [
        [rng.choice([0, 0, 1, 2, 2, 5, 40]) for _ in range(rng.randint(1, 60))] for _ in range(200)
    ]
    for places in lists:
        counts = Counter(places)
        assert gini_of_counts(counts) == gini(places), places
        assert top_tenth_share_of_counts(counts) == top_tenth_share(places), places


def test_an_age_is_reached_on_the_day_a_date_of_birth_comparison_says() -> None:
    """The database counts ages by comparing dates of birth with `born_by_for_age`: on every
    day of five years (two 29 Februaries), for every age 0 to 26, a date of birth is at least
    that age exactly when `age_on` says so, born on 29 February or not."""
    from coproduce.monitoring.analytics import born_by_for_age

    day = datetime.date(2027, 6, 1)
    births = [datetime.date(2000, 2, 29), datetime.date(2012, 2, 29), datetime.date(2013, 2, 28)]
    births += [datetime.date(2013, 3, 1), datetime.date(2014, 12, 31), datetime.date(2015, 1, 1)]
    while day < datetime.date(2032, 6, 1):
        for age in range(27):
            cut = born_by_for_age(age, day)
            for born in [*births, cut, cut + datetime.timedelta(days=1)]:
                assert (born <= cut) == (age_on(born, day) >= age), (born, day, age)  # type: ignore[operator]
        day += datetime.timedelta(days=1)
    assert born_by_for_age(13, datetime.date(2028, 2, 29)) == datetime.date(2015, 2, 28)
