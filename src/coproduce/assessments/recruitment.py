"""Interview questions built from a framework's indicators, and the panel's spread of scores.

Seed 000 suggests asking applicants for times they have worked to the framework's principles;
each question here asks for one such time, for one indicator, in our own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from coproduce.assessments.models import Indicator, Principle

# What each interview score means (1 to INTERVIEW_SCORE_MAX).
INTERVIEW_SCALE: list[tuple[int, Promise]] = [
    (1, gettext_lazy("No real example given")),
    (2, gettext_lazy("An example, but young people had little part in it")),
    (3, gettext_lazy("A clear example of working alongside young people")),
    (4, gettext_lazy("A strong example where young people shared the decisions")),
]


@dataclass(frozen=True)
class Question:
    indicator: Indicator
    principle: Principle
    text: str
    follow_up: str


def question_for(indicator: Indicator) -> Question:
    """One interview question: a real time the candidate's own work showed this indicator."""
    return Question(
        indicator,
        indicator.principle,
        _(
            "Tell us about a time in your own work when this was true: “%(indicator)s”. "
            "What did you do?"
        )
        % {"indicator": indicator.title},
        _("What part did young people play, and what changed because of it?"),
    )


def questions_for(indicators: list[Indicator]) -> list[Question]:
    return [question_for(i) for i in indicators]


@dataclass(frozen=True)
class Spread:
    """How one candidate's answer to one question was scored, panel member by panel member."""

    young: list[int]
    staff: list[int]

    @property
    def everyone(self) -> list[int]:
        return sorted(self.young + self.staff)

    @property
    def middle(self) -> float | None:
        # Every panel member's score counts the same, young person or staff.
        return median(self.everyone) if self.everyone else None

    @property
    def apart(self) -> int:
        return max(self.everyone) - min(self.everyone) if self.everyone else 0
