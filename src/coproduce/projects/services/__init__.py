"""Writes for projects. Each takes the acting user and records itself in the audit trail.

Split by topic; every name stays importable from `coproduce.projects.services`.
"""

from __future__ import annotations

from coproduce.projects.services.ideas import idea_give, idea_record, response_give
from coproduce.projects.services.projects import (
    PROJECT_FIELDS,
    checklist_save,
    project_create,
    project_move,
    project_settings_update,
    project_update,
    role_create,
)
from coproduce.projects.services.sessions import (
    attendance_record,
    inclusion_save,
    monthly_hours_record,
    session_record,
)
from coproduce.projects.services.taking_part import (
    apology_give,
    join_request_create,
    join_request_decide,
)

__all__ = [
    "PROJECT_FIELDS",
    "apology_give",
    "attendance_record",
    "checklist_save",
    "idea_give",
    "idea_record",
    "inclusion_save",
    "join_request_create",
    "join_request_decide",
    "monthly_hours_record",
    "project_create",
    "project_move",
    "project_settings_update",
    "project_update",
    "response_give",
    "role_create",
    "session_record",
]
