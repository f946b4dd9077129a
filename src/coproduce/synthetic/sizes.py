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
    projects_per_organisation: int = 10

    def share(self, total: int, index: int) -> int:
        """Organisation `index`'s share of `total`: the first ones take the remainder, so
        the organisations add up to the named size exactly (organisation 1 is the same at
        every size: the benchmarks measure it)."""
        whole, left = divmod(total, self.organisations)
        return whole + (1 if index < left else 0)


SIZES = {
    "tiny": Size(2, 60, 600, 1_500, 40),
    "small": Size(3, 1_000, 20_000, 50_000, 500),
    "large": Size(300, 100_000, 2_000_000, 5_000_000, 50_000),
    # A county council: one organisation as big as all of `small` twenty times over.
    "council": Size(1, 20_000, 400_000, 1_000_000, 2_000, projects_per_organisation=2_000),
}
