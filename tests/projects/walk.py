"""Walk providers for projects (see tests/tenancy/walk.py)."""

from __future__ import annotations

import datetime

from coproduce.projects import services
from coproduce.projects.models import Idea, JoinRequest, Project, Session
from tests.tenancy.walk import Provider, World


def project(world: World) -> Project:
    return world.once(
        "project",
        lambda: services.project_create(
            acting_user=world.staff.user,
            organisation=world.organisation,
            name=world.marker("project"),
            aims=world.marker("aims"),
        ),
    )


def session(world: World) -> Session:
    return world.once(
        "session",
        lambda: services.session_record(
            acting_user=world.staff.user,
            project=project(world),
            date=datetime.date(2026, 10, 2),
            duration_minutes=60,
            activity=world.marker("activity"),
        ),
    )


def idea(world: World) -> Idea:
    return world.once(
        "idea",
        lambda: services.idea_record(
            acting_user=world.staff.user,
            project=project(world),
            text=world.marker("idea"),
            source="session",
            author=world.young_person,
            owner=world.staff,
        ),
    )


def join_request(world: World) -> JoinRequest:
    return world.once(
        "join_request",
        lambda: services.join_request_create(
            acting_user=world.young_person.user,
            project=project(world),
            young_person=world.young_person,
            message=world.marker("join"),
        ),
    )


PROVIDERS: dict[str, Provider] = {
    "project_id": lambda w: project(w).pk,
    "session_id": lambda w: session(w).pk,
    "idea_id": lambda w: idea(w).pk,
    "join_request_id": lambda w: join_request(w).pk,
}
