"""What a monitoring report is made of: the Appendix B questions (seed 003), and the figures
that answer them, each with the records it was counted from."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from coproduce.monitoring.selectors import NarrativeRecord
    from coproduce.projects.models import Project

# The nine Appendix B prompts of HeadStart Wolverhampton and Boingboing's toolkit "All together
# now" (2018), asked in our own words: same meaning, not the toolkit's sentences.
QUESTIONS: list[tuple[str, Promise]] = [
    (
        "recruited",
        _(
            "Who did we bring in to take part in co-production, and did we reach beyond the "
            "usual faces?"
        ),
    ),
    ("barriers", _("What got in the way of young people joining in, and what did we do about it?")),
    (
        "why",
        _(
            "What made these young people the right ones to involve: what have they lived "
            "through, or what could they bring?"
        ),
    ),
    (
        "scope",
        _(
            "What could young people decide or do, what was off limits, and how did we explain "
            "and agree that with them?"
        ),
    ),
    (
        "flexible",
        _("Give real examples of how we changed our plans to fit what young people needed."),
    ),
    (
        "process",
        _(
            "What shows our way of working did its job, and which of the toolkit's practical "
            "tips did we use?"
        ),
    ),
    ("effective", _("How can we tell that working together this way paid off?")),
    ("changed", _("What is different now because young people shaped it?")),
    ("improve", _("What went less well, and what will we try differently next time?")),
]


# How many of a figure's records the page lists (the spreadsheet lists them all).
RECORDS_LISTED = 50

# The figures a report opens with, so a phone shows them before the nine answers.
KEY_FIGURES = ["young_people", "new_young_people", "sessions", "hours", "ideas", "feedback_on_time"]


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

    @property
    def listed(self) -> SafeString:
        """The first records as the page lists them, each escaped in a list item: joined here
        rather than looped over in the template (a report lists hundreds of them). Records are
        plain text made here, so Python's escape does what Django's would (`format_html` per
        record was a tenth of the page)."""
        items = (f"<li>{html.escape(record)}</li>" for record in self.records[:RECORDS_LISTED])
        return SafeString("".join(items))

    @property
    def records_heading(self) -> str:
        """ "The 12 records behind this": said here, not with `blocktranslate` in the template
        for each of the report's figures (the same message, so the same Welsh)."""
        count = len(self.records)
        return ngettext(
            "The %(counter)s record behind this", "The %(counter)s records behind this", count
        ) % {"counter": count}

    @property
    def more_than_listed(self) -> bool:
        return len(self.records) > RECORDS_LISTED


@dataclass
class Answered:
    key: str
    question: str | Promise
    figures: list[Figure]
    narrative: NarrativeRecord | None
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

    @property
    def key_figures(self) -> list[Figure]:
        return [self.figures[key] for key in KEY_FIGURES]

    @property
    def written(self) -> int:
        """How many of the questions have an answer written for this period."""
        return sum(1 for answer in self.answers if answer.narrative)
