"""The arithmetic of scoring, as plain functions so tests can prove it on hand-made numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median


def weighted_percentage(
    scores: Mapping[int, int | Decimal],
    weights: Mapping[int, int],
    *,
    scale_min: int,
    scale_max: int,
) -> Decimal:
    """A bid's weighted score as a percentage of the best possible, to one decimal place.

    `scores` and `weights` are keyed by criterion. Each score is placed on 0..1 within the
    scale (so a scale of 1–5 gives the lowest score nothing), then weighted. A criterion
    without a score counts as the lowest score: a gap never helps a bid.
    """
    total_weight = sum(weights.values())
    if total_weight == 0:
        return Decimal(0)
    span = Decimal(scale_max - scale_min)
    earned = Decimal(0)
    for criterion, weight in weights.items():
        earned += Decimal(weight) * (Decimal(scores.get(criterion, scale_min)) - scale_min) / span
    return (earned * 100 / total_weight).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Spread:
    """How far the panel's individual scores for one bid and criterion agree."""

    scores: tuple[int, ...]
    median: Decimal | None
    low: int | None
    high: int | None

    @property
    def range(self) -> int:
        return 0 if self.low is None or self.high is None else self.high - self.low


def spread_of(scores: Sequence[int]) -> Spread:
    if not scores:
        return Spread((), None, None, None)
    ordered = tuple(sorted(scores))
    return Spread(ordered, Decimal(str(median(ordered))), ordered[0], ordered[-1])


def rank(totals: Mapping[int, Decimal]) -> list[tuple[int, int, Decimal]]:
    """(position, bid, total), best first; equal totals share a position (1, 2, 2, 4)."""
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    ranked: list[tuple[int, int, Decimal]] = []
    for index, (bid, total) in enumerate(ordered):
        position = ranked[-1][0] if ranked and ranked[-1][2] == total else index + 1
        ranked.append((position, bid, total))
    return ranked


def young_people_quorate(kinds_of_scorers: Sequence[str]) -> tuple[bool, int]:
    """Quorate when young people are at least half of those who scored (seed 001).

    Returns (quorate, how many more young people must score to make it quorate).
    """
    young = sum(1 for kind in kinds_of_scorers if kind == "young_person")
    others = len(kinds_of_scorers) - young
    if not kinds_of_scorers:
        return False, 1
    needed = max(0, others - young)
    return needed == 0, needed
