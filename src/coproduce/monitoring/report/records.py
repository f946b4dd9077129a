"""The records a report's figures are counted from, each asked once of the app that owns it.

Several questions count from the same records (who came, the ideas, the checklist), so they
are fetched on first use and kept for the rest of the report: a fixed number of queries."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from coproduce.inclusion import selectors as inclusion
from coproduce.monitoring.selectors import narratives_of
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from coproduce.inclusion.models import Payment
    from coproduce.monitoring.models import Narrative
    from coproduce.projects.models import ChecklistAnswer, Idea, Inclusion, Project
    from coproduce.projects.selectors import RegisterEntry, RegisterPerson


class Records:
    def __init__(self, project: Project, start: datetime.date, end: datetime.date) -> None:
        self.project, self.start, self.end = project, start, end

    @cached_property
    def attendance(self) -> list[RegisterEntry]:
        """Every register entry of the period's sessions, as values (no model instances)."""
        return projects.register_in_period(project=self.project, start=self.start, end=self.end)

    @cached_property
    def came(self) -> list[RegisterEntry]:
        return [a for a in self.attendance if a.attended]

    @cached_property
    def people(self) -> dict[int, RegisterPerson]:
        """The young people who came, by membership id."""
        return {a.young_person_id: a.young_person for a in self.came}

    @cached_property
    def ideas(self) -> list[Idea]:
        return projects.ideas_in_period(project=self.project, start=self.start, end=self.end)

    @cached_property
    def inclusion(self) -> list[Inclusion]:
        return projects.inclusion_of_people(
            project=self.project, young_person_ids=list(self.people)
        )

    @cached_property
    def payments(self) -> list[Payment]:
        """Approved money given to young people for this project in the period."""
        return inclusion.approved_payments_for_project(
            project=self.project, start=self.start, end=self.end
        )

    @cached_property
    def checklist(self) -> list[ChecklistAnswer]:
        return projects.checklist_answers_of(project=self.project)

    @cached_property
    def narratives(self) -> dict[str, Narrative]:
        """What staff wrote beside each question for this period."""
        return narratives_of(self.project, self.start, self.end)
