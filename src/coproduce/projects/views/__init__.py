"""Pages for projects, split by topic; every view stays importable from here (urls.py uses it)."""

from __future__ import annotations

from coproduce.projects.views.ideas import (
    board,
    idea_add,
    idea_respond,
    my_idea_add,
    my_ideas,
    organisation_board,
    project_ideas,
    public_board,
)
from coproduce.projects.views.journeys import journey, my_journey
from coproduce.projects.views.projects import (
    project_add,
    project_detail,
    project_edit,
    project_list,
    project_people,
    project_sessions,
    project_stage,
    role_add,
    settings_edit,
)
from coproduce.projects.views.sessions import (
    hours_add,
    inclusion_edit,
    session_add,
    session_register,
)
from coproduce.projects.views.taking_part import (
    cant_come,
    get_involved,
    join,
    join_request_answer,
    session_calendar,
)

__all__ = [
    "board",
    "cant_come",
    "get_involved",
    "hours_add",
    "idea_add",
    "idea_respond",
    "inclusion_edit",
    "join",
    "join_request_answer",
    "journey",
    "my_idea_add",
    "my_ideas",
    "my_journey",
    "organisation_board",
    "project_add",
    "project_detail",
    "project_edit",
    "project_ideas",
    "project_list",
    "project_people",
    "project_sessions",
    "project_stage",
    "public_board",
    "role_add",
    "session_add",
    "session_calendar",
    "session_register",
    "settings_edit",
]
