"""Reads for projects, scoped to one organisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from coproduce.core.tenancy import get_for
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from coproduce.projects.checklists import CHECKLISTS, Answer, Stage
from coproduce.projects.ladders import Rung, rung, rungs
from coproduce.projects.models import (
    Attendance,
    ChecklistAnswer,
    Idea,
    Inclusion,
    MonthlyHours,
    Project,
    ProjectSettings,
    Response,
    Session,
    StageChange,
)


def project_settings_for(*, organisation: Organisation) -> ProjectSettings:
    """The organisation's project settings (unsaved defaults until someone changes them)."""
    found = ProjectSettings.objects.filter(organisation=organisation).first()
    return found or ProjectSettings(organisation=organisation)


def projects_for(*, organisation: Organisation) -> QuerySet[Project]:
    return (
        Project.objects.filter(organisation=organisation)
        .select_related("service")
        .annotate(session_count=Count("sessions", distinct=True))
    )


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    return get_for(Project.objects.select_related("service"), organisation=organisation, pk=pk)


def get_session_for(*, organisation: Organisation | None, pk: int) -> Session:
    return get_for(Session.objects.select_related("project"), organisation=organisation, pk=pk)


def get_idea_for(*, organisation: Organisation | None, pk: int) -> Idea:
    return get_for(
        Idea.objects.select_related("project", "response", "author__user", "owner__user"),
        organisation=organisation,
        pk=pk,
    )


@dataclass
class ChecklistRow:
    item: str
    label: str
    answer: str
    notes: str


def checklist_for(*, project: Project, stage: str) -> list[ChecklistRow]:
    saved = {a.item: a for a in ChecklistAnswer.objects.filter(project=project, stage=stage)}
    return [
        ChecklistRow(
            item,
            str(label),
            saved[item].answer if item in saved else "",
            saved[item].notes if item in saved else "",
        )
        for item, label in CHECKLISTS[stage]
    ]


def open_checklist_items(*, project: Project, stage: str) -> list[ChecklistRow]:
    """Items still unanswered, or answered 'No': moving on is allowed, but shown."""
    return [
        row for row in checklist_for(project=project, stage=stage) if row.answer in ("", Answer.NO)
    ]


def sessions_for(*, project: Project) -> QuerySet[Session]:
    # Explicit order: a grouped query does not use the model's default ordering.
    return (
        Session.objects.filter(project=project)
        .annotate(present=Count("attendance", filter=Q(attendance__attended=True)))
        .order_by("-date", "-start_time", "-id")
    )


def register_for(*, session: Session) -> list[tuple[Membership, Attendance | None]]:
    """Every active young person (those on the project's service first) with their register entry."""
    rows = {a.young_person_id: a for a in Attendance.objects.filter(session=session)}
    people = (
        Membership.objects.filter(
            organisation=session.organisation, role=Role.YOUNG_PERSON, is_active=True
        )
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    return [(m, rows.get(m.pk)) for m in people]


@dataclass
class RungCount:
    rung: Rung
    count: int


@dataclass
class Spread:
    counts: list[RungCount]
    total: int
    non_participation: int

    @property
    def warning(self) -> bool:
        """Most recorded activity sits on the rungs that are not participation."""
        return self.total > 0 and self.non_participation * 2 > self.total


def rung_spread(*, project: Project) -> Spread:
    ladder = project_settings_for(organisation=project.organisation).ladder
    tally = dict(
        Attendance.objects.filter(session__project=project, attended=True, rung__isnull=False)
        .values_list("rung")
        .annotate(n=Count("id"))
        .values_list("rung", "n")
    )
    counts = [RungCount(r, tally.get(r.number, 0)) for r in rungs(ladder)]
    return Spread(
        counts=counts,
        total=sum(c.count for c in counts),
        non_participation=sum(c.count for c in counts if not c.rung.participation),
    )


@dataclass
class JourneyStep:
    date: datetime.date
    project: str
    activity: str
    rung: Rung


def journey_of(*, membership: Membership) -> list[JourneyStep]:
    ladder = project_settings_for(organisation=membership.organisation).ladder
    rows = (
        Attendance.objects.filter(young_person=membership, attended=True, rung__isnull=False)
        .select_related("session__project")
        .order_by("session__date", "session__id")
    )
    return [
        JourneyStep(
            a.session.date, a.session.project.name, a.session.activity, rung(ladder, a.rung or 1)
        )
        for a in rows
    ]


def ideas_for(*, project: Project) -> QuerySet[Idea]:
    return Idea.objects.filter(project=project).select_related(
        "response", "author__user", "owner__user"
    )


if TYPE_CHECKING:  # django-stubs' names for an annotated row; no cost at run time
    from django_stubs_ext import WithAnnotations

    class _ProjectName(TypedDict):
        project_name: str

    OverdueIdea = WithAnnotations[Idea, _ProjectName]


def overdue_ideas(
    *, organisation: Organisation | int, today: datetime.date
) -> QuerySet[OverdueIdea]:
    """Ideas past their feedback date with no feedback given yet, each with `project_name`."""
    # NOT EXISTS within the organisation's own responses: an OR across a join made
    # PostgreSQL scan every organisation's responses, so the page slowed as others grew.
    fed_back = Response.objects.filter(
        organisation=organisation, pk=OuterRef("response_id"), feedback_given_on__isnull=False
    )
    # The project's name by subquery, not a join: PostgreSQL misjudged a join to the
    # organisation's projects as one row and chose nested loops (1.1 ms against 0.3 ms at
    # `large`). The subquery runs for the rows shown only.
    project_name = (
        Project.objects.filter(organisation=organisation, pk=OuterRef("project_id"))
        .order_by()
        .values("name")
    )
    return (
        Idea.objects.filter(organisation=organisation, due_on__lt=today)
        .filter(~Exists(fed_back))
        .annotate(project_name=Subquery(project_name))
        .select_related("owner__user")
        .order_by("due_on")
    )


def ideas_of(*, membership: Membership) -> QuerySet[Idea]:
    return Idea.objects.filter(
        organisation=membership.organisation, author=membership
    ).select_related("project", "response")


@dataclass
class Substitution:
    month: datetime.date
    previous: MonthlyHours
    latest: MonthlyHours


def substitution_warning(*, project: Project) -> Substitution | None:
    """Young people's hours grew while paid staff hours shrank, month on month (nef's 'cuts scenario')."""
    months = list(MonthlyHours.objects.filter(project=project).order_by("-month")[:2])
    if len(months) < 2:
        return None
    latest, previous = months
    if (
        latest.young_people_hours > previous.young_people_hours
        and latest.staff_hours < previous.staff_hours
    ):
        return Substitution(latest.month, previous, latest)
    return None


def monthly_hours_for(*, project: Project) -> QuerySet[MonthlyHours]:
    return MonthlyHours.objects.filter(project=project).order_by("month")


def attendance_for(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session)


def inclusion_for(*, project: Project, young_person: Membership) -> Inclusion | None:
    return Inclusion.objects.filter(project=project, young_person=young_person).first()


def attended_at(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session, attended=True).select_related(
        "young_person__user"
    )


def stuck_projects(
    *, organisation: Organisation | int, since: datetime.datetime
) -> QuerySet[Project]:
    """Projects still short of evaluation that have not moved on since `since`: created before
    then, and no change of stage after."""
    moved = StageChange.objects.filter(
        organisation=organisation, project=OuterRef("pk"), changed_at__gt=since
    )
    return (
        Project.objects.filter(organisation=organisation, created_at__lte=since)
        .exclude(stage=Stage.EVALUATION)
        .filter(~Exists(moved))
        .order_by("name")
    )
