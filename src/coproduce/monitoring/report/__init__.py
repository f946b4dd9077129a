"""The monitoring report for one project and period: each Appendix B question (seed 003)
answered with figures drawn from the records, and the records behind every figure.

`questions` holds one function per question; each asks the owning app's selectors for its
figures. This module puts the answers together."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from coproduce.monitoring.report import questions
from coproduce.monitoring.report.figures import QUESTIONS, Answered, Figure, Report
from coproduce.monitoring.report.records import Records

if TYPE_CHECKING:
    from coproduce.projects.models import Project

__all__ = ["QUESTIONS", "Answered", "Figure", "Report", "project_report"]

# The order figures are listed in (the spreadsheet's sheet of records follows it).
FIGURE_ORDER = [
    "young_people",
    "new_young_people",
    "in_care",
    "under_13",
    "sessions",
    "places",
    "hours",
    "credits_hours",
    "with_barriers",
    "supported",
    "support_spent",
    "paid",
    "payments_spent",
    "checklist_yes",
    "checklist_open",
    "evaluation_yes",
    "participation_share",
    "coproduction_share",
    "climbed",
    "ideas",
    "adopted",
    "not_adopted",
    "feedback_on_time",
    "feedback_late",
    "recognitions",
    "accredited",
    "panel_seats",
]


def project_report(
    project: Project, start: datetime.date, end: datetime.date, records: Records | None = None
) -> Report:
    """Answer every question from the records, in a fixed number of queries.

    Pass `records` when the page needs them too (who took part, for the equality panel), so
    they are asked for once."""
    if records is None:
        records = Records(project, start, end)
    answered = []
    for key, question in QUESTIONS:
        answered.append(
            Answered(
                key,
                question,
                questions.ANSWERS[key](records),
                records.narratives.get(key),
                questions.scope_text(records) if key == "scope" else "",
            )
        )
    found = {f.key: f for answer in answered for f in answer.figures}
    figures = {key: found[key] for key in FIGURE_ORDER}
    return Report(
        project,
        start,
        end,
        answered,
        figures,
        questions.age_bands(records),
        questions.barrier_counts(records),
    )
