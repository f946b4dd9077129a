"""The records a report's figures are counted from, each asked of the app that owns it.

Every app's records are asked together (`core.prepared.ask_together`): on PostgreSQL one
round trip, each statement kept prepared on the connection, and rows read as plain values.
A report asks the same dozen questions whatever the project's size."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from coproduce.commissioning import selectors as commissioning
from coproduce.core.prepared import ask_together
from coproduce.credits import selectors as credits
from coproduce.inclusion import selectors as inclusion
from coproduce.monitoring.selectors import narratives_of
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from coproduce.credits.selectors import RecognitionRecord
    from coproduce.inclusion.selectors import PaymentRecord
    from coproduce.monitoring.selectors import NarrativeRecord
    from coproduce.projects.models import Project
    from coproduce.projects.selectors import (
        ChecklistRecord,
        IdeaRecord,
        InclusionRecord,
        RegisterEntry,
        RegisterPerson,
    )


class Records:
    attendance: list[RegisterEntry]  # every register entry of the period's sessions
    came_before: set[int]  # of those who came, who had come before the period
    ideas: list[IdeaRecord]
    inclusion: list[InclusionRecord]  # of those who came
    payments: list[PaymentRecord]  # approved, for this project, in the period
    checklist: list[ChecklistRecord]
    narratives: dict[str, NarrativeRecord]  # what staff wrote beside each question
    ladder: str
    minutes_earned: int  # net, from the ledger
    recognitions: list[RecognitionRecord]  # awarded in the period to those who came
    panel_seats: int

    def __init__(self, project: Project, start: datetime.date, end: datetime.date) -> None:
        self.project, self.start, self.end = project, start, end
        (
            self.attendance,
            self.came_before,
            self.ideas,
            self.inclusion,
            self.payments,
            self.checklist,
            self.narratives,
            self.ladder,
            self.minutes_earned,
            self.recognitions,
            self.panel_seats,
        ) = ask_together(
            [
                projects.register_in_period(project=project, start=start, end=end),
                projects.came_before_period(project=project, start=start, end=end),
                projects.ideas_in_period(project=project, start=start, end=end),
                projects.inclusion_of_those_who_came(project=project, start=start, end=end),
                inclusion.approved_payments_for_project(project=project, start=start, end=end),
                projects.checklist_answers_of(project=project),
                narratives_of(project, start, end),
                projects.ladder_of(organisation_id=project.organisation_id),
                credits.minutes_earned_for_project(project=project, start=start, end=end),
                credits.recognitions_awarded(project=project, start=start, end=end),
                commissioning.young_people_seats(project=project),
            ]
        )

    @cached_property
    def came(self) -> list[RegisterEntry]:
        return [a for a in self.attendance if a.attended]

    @cached_property
    def people(self) -> dict[int, RegisterPerson]:
        """The young people who came, by membership id."""
        return {a.young_person_id: a.young_person for a in self.came}
