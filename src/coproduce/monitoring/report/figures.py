"""What a monitoring report is made of: the Appendix B questions (seed 003), and the figures
that answer them, each with the records it was counted from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from coproduce.monitoring.models import Narrative
    from coproduce.projects.models import Project

QUESTIONS: list[tuple[str, Promise]] = [
    (
        "recruited",
        _(
            "Which young people did staff recruit for involvement in co-production activities? How inclusive was the recruitment?"
        ),
    ),
    (
        "barriers",
        _("How did we do this? What were the barriers and how did we try to overcome them?"),
    ),
    (
        "why",
        _(
            "Why did we recruit these particular young people? What is their relevant lived experience or contribution?"
        ),
    ),
    (
        "scope",
        _(
            "What was in scope for their decision-making and action and what was out of scope? How did we communicate and negotiate this?"
        ),
    ),
    (
        "flexible",
        _(
            "Can we give specific examples of how we were flexible and responsive to young people's needs in the co-production process?"
        ),
    ),
    (
        "process",
        _(
            "How can we show that our process was effective? How did we implement the 'Tips and Tricks' in the Guide to Co-production?"
        ),
    ),
    ("effective", _("How do we know our co-production processes were effective?")),
    ("changed", _("What changed or was influenced as a result of our co-production?")),
    (
        "improve",
        _("What do we think didn't go so well, and what are our ideas for improving next time?"),
    ),
]


@dataclass
class Figure:
    key: str
    label: str | Promise
    value: object
    records: list[str] = field(default_factory=list)  # what the figure was counted from

    @property
    def shown(self) -> str:
        """The value as a person reads it: shares as percentages, no trailing zeros."""
        if self.value is None:
            return "–"
        if isinstance(self.value, Decimal):
            if self.key.endswith("share") or self.key == "feedback_on_time":
                return f"{(self.value * 100).quantize(Decimal('0.1')).normalize():f}%"
            return f"{self.value.normalize():f}"
        return str(self.value)


@dataclass
class Answered:
    key: str
    question: str | Promise
    figures: list[Figure]
    narrative: Narrative | None
    text: str = ""  # recorded text that answers it (scope)


@dataclass
class Report:
    project: Project
    start: datetime.date
    end: datetime.date
    answers: list[Answered]
    figures: dict[str, Figure]
    age_bands: list[tuple[str, int]]
    barriers: list[tuple[str, int]]
