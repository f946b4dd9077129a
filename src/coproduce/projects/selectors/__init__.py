"""Reads for projects, scoped to one organisation. Other apps read projects' data only here.

Split by topic: add a read to the topic's module and name it below, so
`coproduce.projects.selectors.<name>` keeps working for every caller.
"""

from __future__ import annotations

from coproduce.projects.selectors.ideas import (
    ideas_for,
    ideas_of,
    overdue_ideas,
)
from coproduce.projects.selectors.projects import (
    ChecklistRow,
    Substitution,
    checklist_for,
    get_idea_for,
    get_project_for,
    get_session_for,
    monthly_hours_for,
    open_checklist_items,
    project_choices_for,
    project_named,
    projects_for,
    settings_for,
    stuck_projects,
    substitution_warning,
)
from coproduce.projects.selectors.records import (
    attendance_in_period,
    barrier_labels,
    checklist_answers_of,
    first_came_on,
    idea_adopted,
    ideas_in_period,
    inclusion_of_people,
    last_on_register,
    places_taken,
    projects_taken_part_in,
    sessions_in,
    young_people_who_came,
)
from coproduce.projects.selectors.sessions import (
    JourneyStep,
    RungCount,
    Spread,
    attendance_for,
    attended_at,
    inclusion_for,
    journey_of,
    register_for,
    rung_spread,
    sessions_for,
)

__all__ = [
    "ChecklistRow",
    "JourneyStep",
    "RungCount",
    "Spread",
    "Substitution",
    "attendance_for",
    "attendance_in_period",
    "attended_at",
    "barrier_labels",
    "checklist_answers_of",
    "checklist_for",
    "first_came_on",
    "get_idea_for",
    "get_project_for",
    "get_session_for",
    "idea_adopted",
    "ideas_for",
    "ideas_in_period",
    "ideas_of",
    "inclusion_for",
    "inclusion_of_people",
    "journey_of",
    "last_on_register",
    "monthly_hours_for",
    "open_checklist_items",
    "overdue_ideas",
    "places_taken",
    "project_choices_for",
    "project_named",
    "projects_for",
    "projects_taken_part_in",
    "register_for",
    "rung_spread",
    "sessions_for",
    "sessions_in",
    "settings_for",
    "stuck_projects",
    "substitution_warning",
    "young_people_who_came",
]
