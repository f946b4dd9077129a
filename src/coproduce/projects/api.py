from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from coproduce.core.api_auth import auth_membership
from coproduce.core.api_schema import LocalTime, Pagination
from coproduce.organisations.selectors import get_person_for
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.models import Idea, Project, Session

router = Router(tags=["Projects"])


class ProjectOut(Schema):
    id: int
    name: str
    aims: str
    stage: str
    forms: list[str]
    designed_by: str
    delivered_by: str
    in_scope: str
    out_of_scope: str


class ProjectIn(Schema):
    name: str
    aims: str
    forms: list[str] = []
    designed_by: str = "together"
    delivered_by: str = "together"
    in_scope: str = ""
    out_of_scope: str = ""


class SessionOut(Schema):
    id: int
    project_id: int
    date: datetime.date
    start_time: datetime.time | None
    duration_minutes: int
    place: str
    activity: str


class SessionIn(Schema):
    date: datetime.date
    duration_minutes: int
    activity: str
    place: str = ""
    start_time: LocalTime | None = None


class AttendanceOut(Schema):
    young_person_id: int
    attended: bool
    rung: int | None


class AttendanceIn(Schema):
    young_person_id: int
    attended: bool = True
    rung: int | None = None


class ResponseOut(Schema):
    status: str
    reason: str
    action: str
    feedback_given_on: datetime.date | None


class IdeaOut(Schema):
    id: int
    project_id: int | None
    text: str
    source: str
    author_id: int | None
    group_name: str
    owner_id: int
    due_on: datetime.date
    response: ResponseOut | None


class ResponseIn(Schema):
    idea_ids: list[int]
    status: str
    reason: str = ""
    action: str = ""
    feedback_given_on: datetime.date | None = None
    feedback_method: str = ""


def _project(p: Project) -> ProjectOut:
    return ProjectOut.from_orm(p)


def _session(s: Session) -> SessionOut:
    return SessionOut.from_orm(s)


def _idea(i: Idea) -> IdeaOut:
    response = ResponseOut.from_orm(i.response) if i.response else None
    return IdeaOut(
        id=i.pk,
        project_id=i.project_id,
        text=i.text,
        source=i.source,
        author_id=i.author_id,
        group_name=i.group_name,
        owner_id=i.owner_id,
        due_on=i.due_on,
        response=response,
    )


@router.get("/", response=list[ProjectOut])
@paginate(Pagination)
def list_projects(request: HttpRequest) -> QuerySet[Project]:
    """The organisation's projects by name, a page at a time (`limit`, `offset`)."""
    return sel.projects_for(organisation=auth_membership(request).organisation)


@router.post("/", response={201: ProjectOut})
def create_project(request: HttpRequest, payload: ProjectIn) -> Status[ProjectOut]:
    member = auth_membership(request)
    project = services.project_create(
        acting_user=member.user, organisation=member.organisation, **payload.dict()
    )
    return Status(201, _project(project))


# Before /{project_id}: URLs are matched in order, and /responses would be taken for an id.
@router.post("/responses", response={201: list[IdeaOut]})
def give_response(request: HttpRequest, payload: ResponseIn) -> Status[list[IdeaOut]]:
    member = auth_membership(request)
    ideas = [sel.get_idea_for(organisation=member.organisation, pk=pk) for pk in payload.idea_ids]
    if not ideas:
        raise ValidationError({"idea_ids": [_("Give at least one idea.")]})
    services.response_give(
        acting_user=member.user,
        ideas=ideas,
        status=payload.status,
        reason=payload.reason,
        action=payload.action,
        feedback_given_on=payload.feedback_given_on,
        feedback_method=payload.feedback_method,
    )
    return Status(
        201, [_idea(sel.get_idea_for(organisation=member.organisation, pk=i.pk)) for i in ideas]
    )


@router.get("/{project_id}", response=ProjectOut)
def get_project(request: HttpRequest, project_id: int) -> ProjectOut:
    return _project(
        sel.get_project_for(organisation=auth_membership(request).organisation, pk=project_id)
    )


@router.get("/{project_id}/sessions", response=list[SessionOut])
def list_sessions(request: HttpRequest, project_id: int) -> list[SessionOut]:
    project = sel.get_project_for(organisation=auth_membership(request).organisation, pk=project_id)
    return [_session(s) for s in sel.sessions_for(project=project)]


@router.post("/{project_id}/sessions", response={201: SessionOut})
def create_session(request: HttpRequest, project_id: int, payload: SessionIn) -> Status[SessionOut]:
    member = auth_membership(request)
    project = sel.get_project_for(organisation=member.organisation, pk=project_id)
    session = services.session_record(acting_user=member.user, project=project, **payload.dict())
    return Status(201, _session(session))


@router.get("/sessions/{session_id}/attendance", response=list[AttendanceOut])
def list_attendance(request: HttpRequest, session_id: int) -> list[AttendanceOut]:
    session = sel.get_session_for(organisation=auth_membership(request).organisation, pk=session_id)
    return [
        AttendanceOut(young_person_id=a.young_person_id, attended=a.attended, rung=a.rung)
        for a in sel.attendance_for(session=session)
    ]


@router.put("/sessions/{session_id}/attendance", response=list[AttendanceOut])
def record_attendance(
    request: HttpRequest, session_id: int, payload: list[AttendanceIn]
) -> list[AttendanceOut]:
    member = auth_membership(request)
    session = sel.get_session_for(organisation=member.organisation, pk=session_id)
    entries = [
        (
            get_person_for(organisation=member.organisation, pk=row.young_person_id),
            row.attended,
            row.rung,
        )
        for row in payload
    ]
    rows = services.attendance_record(acting_user=member.user, session=session, entries=entries)
    return [
        AttendanceOut(young_person_id=a.young_person_id, attended=a.attended, rung=a.rung)
        for a in rows
    ]


@router.get("/{project_id}/ideas", response=list[IdeaOut])
def list_ideas(request: HttpRequest, project_id: int) -> list[IdeaOut]:
    project = sel.get_project_for(organisation=auth_membership(request).organisation, pk=project_id)
    return [_idea(i) for i in sel.ideas_for(project=project)]
