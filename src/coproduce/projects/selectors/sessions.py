"""Reads for sessions: the register, the ladder rungs young people worked at, their journeys."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from coproduce.organisations.selectors import young_people_for
from coproduce.projects.ladders import Rung, rung, rungs
from coproduce.projects.models import (
    Attendance,
    Inclusion,
    Project,
    Session,
)
from coproduce.projects.selectors.projects import settings_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


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
    people = young_people_for(organisation=session.organisation).order_by(
        "user__first_name", "user__last_name"
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
    ladder = settings_for(organisation=project.organisation).ladder
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
    ladder = settings_for(organisation=membership.organisation).ladder
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


def attendance_for(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session)


def inclusion_for(*, project: Project, young_person: Membership) -> Inclusion | None:
    return Inclusion.objects.filter(project=project, young_person=young_person).first()


def attended_at(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session, attended=True).select_related(
        "young_person__user"
    )
