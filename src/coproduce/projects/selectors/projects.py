"""Reads for a project itself: settings, the project, its checklist, hours, and choosing one."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from coproduce.core.prepared import Prepared
from coproduce.core.tenancy import get_for, settings_or_defaults
from coproduce.projects.checklists import CHECKLISTS, Answer, Stage
from coproduce.projects.models import (
    ChecklistAnswer,
    Idea,
    MonthlyHours,
    Project,
    ProjectSettings,
    RoleDescription,
    Session,
    StageChange,
)
from coproduce.projects.selectors.ideas import IdeaCounts, project_idea_figures

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def settings_for(*, organisation: Organisation) -> ProjectSettings:
    """The organisation's project settings (unsaved defaults until someone changes them)."""
    return settings_or_defaults(ProjectSettings, organisation=organisation)


def projects_for(*, organisation: Organisation) -> QuerySet[Project]:
    """The organisation's projects in name order, each with its number of sessions. The count
    is a subquery, not a GROUP BY over every session: a page of projects is read off the
    (organisation, name, id) index and only its rows are counted, and the paginator's count is
    a plain count of projects."""
    sessions = (
        Session.objects.filter(organisation=organisation, project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Project.objects.filter(organisation=organisation)
        .select_related("service")
        .annotate(session_count=Coalesce(Subquery(sessions), 0))
        .order_by("name", "id")
    )


_PROJECT = Prepared(
    lambda organisation, pk: (
        Project.objects.select_related("service")
        .filter(organisation_id=organisation, pk=pk)
        .order_by()
    ),
    organisation=int,
    pk=int,
)


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    """The organisation's project, with its service; 404 for any other. Most project pages
    start here, so the look-up is prepared (`core.prepared`)."""
    if organisation is None:
        raise Http404
    found: list[Project] = _PROJECT(organisation=organisation.pk, pk=pk)
    if not found:
        raise Http404
    return found[0]


if TYPE_CHECKING:  # django-stubs' names for an annotated row; no cost at run time
    from django_stubs_ext import WithAnnotations

    class _PageFigures(TypedDict):
        session_count: int
        has_roles: bool
        ladder: str
        ideas_total: int
        ideas_waiting: int
        ideas_overdue: int

    ProjectPage = WithAnnotations[Project, _PageFigures]


# An organisation that never saved its settings uses the defaults (`settings_for`).
_DEFAULT_LADDER: str = ProjectSettings._meta.get_field("ladder").get_default()


def project_page_for(
    *, organisation: Organisation | None, pk: int, today: datetime.date
) -> ProjectPage:
    """The project for its own page, with what its summary counts read in the same query: its
    number of sessions (`session_count`), whether it has a role description (`has_roles`), its
    ideas (`ideas_total`, `ideas_waiting`, `ideas_overdue`: see `page_idea_counts`) and the
    organisation's participation ladder (`ladder`, as `settings_for` gives it). The organisation
    the request already holds is put in its place, so reads that ask for it do not load it."""
    sessions = (
        Session.objects.filter(organisation=organisation, project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    roles = RoleDescription.objects.filter(organisation=organisation, project=OuterRef("pk"))
    ladder = ProjectSettings.objects.filter(organisation=organisation).values("ladder")[:1]
    ideas = project_idea_figures(organisation=organisation, today=today)
    project: ProjectPage = get_for(
        Project.objects.select_related("service").annotate(
            session_count=Coalesce(Subquery(sessions), 0),
            has_roles=Exists(roles),
            ladder=Coalesce(Subquery(ladder), Value(_DEFAULT_LADDER)),
            ideas_total=ideas["total"],
            ideas_waiting=ideas["waiting"],
            ideas_overdue=ideas["overdue"],
        ),
        organisation=organisation,
        pk=pk,
    )
    if organisation is not None:
        project.organisation = organisation
    return project


def page_idea_counts(project: ProjectPage) -> IdeaCounts:
    """`idea_counts` for a project read by `project_page_for`."""
    return IdeaCounts(project.ideas_total, project.ideas_waiting, project.ideas_overdue)


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


@dataclass
class Substitution:
    month: datetime.date
    previous: MonthlyHours
    latest: MonthlyHours


def substitution_warning(*, project: Project) -> Substitution | None:
    """Young people's hours grew while paid staff hours shrank, month on month (nef's 'cuts scenario')."""
    months = list(MonthlyHours.objects.filter(project=project).order_by("-month")[:2])
    return substitution_in(months[::-1])


def substitution_in(hours: Sequence[MonthlyHours]) -> Substitution | None:
    """`substitution_warning` from a project's months already read, oldest first (the project
    page shows them all, so it reads them once)."""
    if len(hours) < 2:
        return None
    previous, latest = hours[-2], hours[-1]
    if (
        latest.young_people_hours > previous.young_people_hours
        and latest.staff_hours < previous.staff_hours
    ):
        return Substitution(latest.month, previous, latest)
    return None


def monthly_hours_for(*, project: Project) -> QuerySet[MonthlyHours]:
    return MonthlyHours.objects.filter(project=project).order_by("month")


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


def project_choices_for(*, organisation: Organisation) -> QuerySet[Project]:
    """The organisation's projects by name, for choosing one on a form (another app's too)."""
    return Project.objects.filter(organisation=organisation).order_by("name")


def project_named(*, organisation: Organisation, name: str) -> Project:
    """One project by its exact name (demo data finds its projects this way)."""
    return Project.objects.get(organisation=organisation, name=name)
