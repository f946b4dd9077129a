"""The arithmetic a panel trusts: weighting, medians and ranking, on hand-made numbers."""

from __future__ import annotations

from decimal import Decimal

from coproduce.commissioning.scoring import (
    rank,
    spread_of,
    weighted_percentage,
    young_people_quorate,
)

WEIGHTS = {1: 40, 2: 35, 3: 25}


def pct(scores: dict[int, int | Decimal]) -> Decimal:
    return weighted_percentage(scores, WEIGHTS, scale_min=1, scale_max=5)


def test_it_gives_full_marks_nothing_and_half_at_the_ends_and_middle_of_the_scale() -> None:
    assert pct({1: 5, 2: 5, 3: 5}) == Decimal("100.0")
    assert pct({1: 1, 2: 1, 3: 1}) == Decimal("0.0")
    assert pct({1: 3, 2: 3, 3: 3}) == Decimal("50.0")


def test_it_weights_each_criterion_by_its_share() -> None:
    # 40 × 1 + 35 × 0 + 25 × 0.5 = 52.5 of 100
    assert pct({1: 5, 2: 1, 3: 3}) == Decimal("52.5")
    # 40 × 0.75 + 35 × 0.25 + 25 × 1 = 63.75, rounded half up
    assert pct({1: 4, 2: 2, 3: 5}) == Decimal("63.8")
    # The same scores with the weights swapped give a different answer.
    assert weighted_percentage({1: 5, 2: 1}, {1: 10, 2: 90}, scale_min=1, scale_max=5) == Decimal(
        "10.0"
    )


def test_it_counts_a_missing_score_as_the_lowest_so_a_gap_never_helps() -> None:
    assert pct({1: 5, 2: 5}) == Decimal("75.0")


def test_it_accepts_half_point_medians() -> None:
    assert pct({1: Decimal("3.5"), 2: 3, 3: 3}) == Decimal("55.0")


def test_it_finds_the_median_and_range_of_the_panels_scores() -> None:
    spread = spread_of([5, 2, 3])
    assert (spread.median, spread.low, spread.high, spread.range) == (Decimal(3), 2, 5, 3)
    assert spread_of([2, 4]).median == Decimal(3)
    assert spread_of([]).median is None and spread_of([]).range == 0


def test_it_ranks_best_first_and_equal_totals_share_a_place() -> None:
    totals = {1: Decimal(50), 2: Decimal(70), 3: Decimal(50), 4: Decimal(10)}
    assert rank(totals) == [
        (1, 2, Decimal(70)),
        (2, 1, Decimal(50)),
        (2, 3, Decimal(50)),
        (4, 4, Decimal(10)),
    ]


def test_it_is_quorate_only_when_young_people_are_at_least_half_of_the_scorers() -> None:
    assert young_people_quorate(["young_person", "young_person", "staff", "staff"]) == (True, 0)
    assert young_people_quorate(["young_person", "staff", "staff"]) == (False, 1)
    assert young_people_quorate(["young_person", "staff", "other", "staff"]) == (False, 2)
    assert young_people_quorate(["young_person"]) == (True, 0)
    assert young_people_quorate([]) == (False, 1)
