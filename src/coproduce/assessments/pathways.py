"""Shier's pathways to participation (2001, seed 002): the level reached at each stage.

A pathways framework has one principle per level of participation, lowest first, and three
yes/no questions in each: openings (are we ready?), opportunities (do we have ways to do
it?) and obligations (does our policy require it?). The result is not a score: for each
stage it is the highest level whose question, and every question below it at that stage,
is answered yes. Levels 4 and 5 (decisions made with young people, power shared) are where
co-production begins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coproduce.assessments.models import Checklist

if TYPE_CHECKING:
    from coproduce.assessments.models import FrameworkVersion, Indicator
    from coproduce.assessments.results import ScoreView

STAGES: list[tuple[str, Promise, Promise]] = [
    ("openings", _("Openings"), _("Are we ready to do it?")),
    ("opportunities", _("Opportunities"), _("Do we have ways of doing it?")),
    ("obligations", _("Obligations"), _("Does our policy require it?")),
]
# Shier's levels 4 and 5, the seed's "active participation, or co-production".
COPRODUCTION_LEVEL = 4


@dataclass
class StageReached:
    key: str
    label: Promise
    question: Promise
    level: int  # 0: level 1 not yet reached
    level_title: str
    levels: int
    next_question: Indicator | None  # the first question not yet answered yes

    @property
    def co_producing(self) -> bool:
        return self.level >= COPRODUCTION_LEVEL


def stages_reached(version: FrameworkVersion, rows: list[ScoreView]) -> list[StageReached]:
    """For each stage, the level reached: the highest level answered yes with every level
    below it answered yes too (a pathway is climbed one level at a time)."""
    principles = list(version.principles.all())
    by_level: dict[int, list[ScoreView]] = defaultdict(list)
    for row in rows:
        by_level[row.indicator.principle_id].append(row)
    out = []
    for position, (key, label, question) in enumerate(STAGES):
        level, waiting = 0, None
        for number, principle in enumerate(principles, start=1):
            items = by_level[principle.pk]
            found = items[position] if position < len(items) else None
            if found is not None and found.answer == Checklist.YES:
                level = number
                continue
            waiting = found.indicator if found is not None else None
            break
        out.append(
            StageReached(
                key=key,
                label=label,
                question=question,
                level=level,
                level_title=principles[level - 1].title if level else "",
                levels=len(principles),
                next_question=waiting,
            )
        )
    return out
