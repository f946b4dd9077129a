"""Named sizes. Every organisation has the same shape, so pages compare across sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    organisations: int
    young_people: int
    attendance: int
    ledger_legs: int
    assessments: int

    def per_organisation(self, total: int) -> int:
        return total // self.organisations


SIZES = {
    "tiny": Size(2, 60, 600, 1_500, 40),
    "small": Size(3, 1_000, 20_000, 50_000, 500),
    "large": Size(300, 100_000, 2_000_000, 5_000_000, 50_000),
}
