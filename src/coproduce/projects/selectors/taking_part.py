"""Reads for young people taking part: projects open to them, join requests, their sessions."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from coproduce.core.tenancy import get_for
from coproduce.projects.checklists import Stage
from coproduce.projects.models import (
    Apology,
    Attendance,
    JoinRequest,
    JoinStatus,
    Project,
    RoleDescription,
    Session,
)

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def open_projects_for(*, organisation: Organisation) -> QuerySet[Project]:
    """Projects young people can still join (not yet at evaluation), each with its roles."""
    return (
        Project.objects.filter(organisation=organisation)
        .exclude(stage=Stage.EVALUATION)
        .prefetch_related(
            Prefetch("roles", queryset=RoleDescription.objects.order_by("title", "pk"))
        )
        .order_by("name")
    )


def _member_of(membership: Membership) -> Q:
    """Projects the young person was accepted onto or has come to a session of."""
    accepted = JoinRequest.objects.filter(
        organisation=membership.organisation_id,
        project=OuterRef("pk"),
        young_person=membership,
        status=JoinStatus.ACCEPTED,
    )
    came = Attendance.objects.filter(
        organisation=membership.organisation_id,
        session__project=OuterRef("pk"),
        young_person=membership,
        attended=True,
    )
    return Q(Exists(accepted)) | Q(Exists(came))


def projects_of(*, membership: Membership) -> QuerySet[Project]:
    """The projects a young person is in, by name."""
    return (
        Project.objects.filter(organisation=membership.organisation_id)
        .filter(_member_of(membership))
        .order_by("name")
    )


def is_in_project(*, membership: Membership, project: Project) -> bool:
    return projects_of(membership=membership).filter(pk=project.pk).exists()


def join_requests_of(*, membership: Membership) -> dict[int, JoinRequest]:
    """The young person's latest request for each project, by project id."""
    rows = JoinRequest.objects.filter(
        organisation=membership.organisation_id, young_person=membership
    ).select_related("role")
    return {r.project_id: r for r in rows.order_by("created_at", "pk")}


def join_requests_waiting(*, project: Project) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(
        organisation=project.organisation_id, project=project, status=JoinStatus.WAITING
    ).select_related("young_person__user", "role")


def join_requests_waiting_in(*, organisation: int) -> QuerySet[JoinRequest]:
    """Every request still waiting for staff's answer in the organisation, oldest first."""
    return JoinRequest.objects.filter(
        organisation=organisation, status=JoinStatus.WAITING
    ).order_by("created_at", "pk")


def join_request_answerers(*, project: Project) -> list[Membership]:
    """Staff to tell of a new request: those who answered one for this project before, and
    the organisation's managers (so somebody always hears)."""
    from coproduce.organisations.roles import CAPABILITIES
    from coproduce.organisations.selectors import staff_for

    before = JoinRequest.objects.filter(
        organisation=project.organisation_id, project=project
    ).exclude(decided_by=None)
    return list(
        staff_for(organisation=project.organisation)
        .filter(
            Q(role__in=CAPABILITIES["manage_people"])
            | Q(user_id__in=before.values("decided_by_id"))
        )
        .order_by("pk")
    )


def get_join_request_for(*, organisation: Organisation | None, pk: int) -> JoinRequest:
    return get_for(
        JoinRequest.objects.select_related("project", "role", "young_person__user"),
        organisation=organisation,
        pk=pk,
    )


def upcoming_sessions_of(*, membership: Membership, today: datetime.date) -> QuerySet[Session]:
    """Sessions from today on in the young person's projects, soonest first, each with
    `cannot_come` (they said they cannot come)."""
    said = Apology.objects.filter(
        organisation=membership.organisation_id, session=OuterRef("pk"), young_person=membership
    )
    return (
        Session.objects.filter(
            organisation=membership.organisation_id,
            date__gte=today,
            project__in=projects_of(membership=membership),
        )
        .annotate(cannot_come=Exists(said))
        .select_related("project")
        .order_by("date", "start_time", "pk")
    )


def apologies_for(*, session: Session) -> QuerySet[Apology]:
    """Who said they cannot come to the session."""
    return Apology.objects.filter(
        organisation=session.organisation_id, session=session
    ).select_related("young_person__user")
