"""Reads for sessions: the register, the ladder rungs young people worked at, their journeys."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from coproduce.organisations.selectors import people_for, young_people_for
from coproduce.projects.ladders import Rung, rung, rungs
from coproduce.projects.models import (
    Attendance,
    Inclusion,
    Project,
    Session,
)
from coproduce.projects.selectors.projects import settings_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def sessions_for(*, project: Project) -> QuerySet[Session]:
    # Explicit order: a grouped query does not use the model's default ordering.
    return (
        Session.objects.filter(project=project)
        .annotate(present=Count("attendance", filter=Q(attendance__attended=True)))
        .order_by("-date", "-start_time", "-id")
    )


def next_session_for(*, project: Project, today: datetime.date) -> Session | None:
    """The project's next session from today on, if one is planned."""
    return (
        Session.objects.filter(project=project, date__gte=today)
        .order_by("date", "start_time", "pk")
        .first()
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


def _mostly_non_participation(total: int, non_participation: int) -> bool:
    return total > 0 and non_participation * 2 > total


@dataclass
class PersonSpread:
    """One young person's recorded activity on a project: how much sat on the rungs that are
    not participation (manipulation, decoration, tokenism)."""

    young_person: Membership
    total: int
    non_participation: int

    @property
    def warning(self) -> bool:
        """Most of this young person's recorded activity is not participation."""
        return _mostly_non_participation(self.total, self.non_participation)


@dataclass
class Spread:
    counts: list[RungCount]
    total: int
    non_participation: int
    # Only the young people whose own activity is mostly not participation (see `warned`).
    people: list[PersonSpread] = field(default_factory=list)

    @property
    def warning(self) -> bool:
        """Most recorded activity sits on the rungs that are not participation."""
        return _mostly_non_participation(self.total, self.non_participation)

    @property
    def warned(self) -> list[PersonSpread]:
        """The young people whose own activity is mostly not participation, even when others
        on the project sit higher: the warning belongs to each of them."""
        return [p for p in self.people if p.warning]

    @property
    def coproduction(self) -> int:
        """Recorded activity at shared decisions or above."""
        return sum(c.count for c in self.counts if c.rung.coproduction)


def _person_spreads(
    project: Project, ladder: str, rows: list[tuple[int, int, int]]
) -> list[PersonSpread]:
    """From (young person id, rung, count) rows: a spread for each young person whose own
    activity is mostly not participation, by name. Only their names are read: a busy project
    has had hundreds of young people, and the page names only those it warns about."""
    participation = {r.number: r.participation for r in rungs(ladder)}
    totals: dict[int, list[int]] = {}
    for person_id, number, count in rows:
        entry = totals.setdefault(person_id, [0, 0])
        entry[0] += count
        if not participation.get(number, True):
            entry[1] += count
    warned = [pid for pid, (total, low) in totals.items() if _mostly_non_participation(total, low)]
    if not warned:
        return []
    people = {
        m.pk: m
        for m in people_for(organisation=project.organisation)
        .filter(pk__in=warned)
        .only(*_NAME_FIELDS)
    }
    spreads = [PersonSpread(people[pid], *totals[pid]) for pid in warned if pid in people]
    return sorted(spreads, key=lambda p: (p.young_person.user.display_name, p.young_person.pk))


# What `User.display_name` reads: a warning names the young person and nothing more.
_NAME_FIELDS = (
    "id",
    "user__id",
    "user__preferred_name",
    "user__first_name",
    "user__last_name",
    "user__username",
)


def rung_spread(*, project: Project, ladder: str = "") -> Spread:
    """How often young people were recorded on each rung of the organisation's ladder (its
    `ladder` setting, unless the caller has read it already), and who is warned about."""
    ladder = ladder or settings_for(organisation=project.organisation).ladder
    rows = [
        (person, number or 0, count)
        for person, number, count in Attendance.objects.filter(
            session__project=project, attended=True, rung__isnull=False
        )
        .values("young_person_id", "rung")
        .annotate(n=Count("id"))
        .values_list("young_person_id", "rung", "n")
        .order_by()
    ]
    tally: dict[int, int] = {}
    for _person, number, count in rows:
        tally[number] = tally.get(number, 0) + count
    counts = [RungCount(r, tally.get(r.number, 0)) for r in rungs(ladder)]
    return Spread(
        counts=counts,
        total=sum(c.count for c in counts),
        non_participation=sum(c.count for c in counts if not c.rung.participation),
        people=_person_spreads(project, ladder, rows),
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


def journey_warnings(steps: list[JourneyStep]) -> list[str]:
    """The projects on which most of this young person's own recorded activity sat on the
    rungs that are not participation: their warning, whatever others on the project did."""
    tally: dict[str, list[int]] = {}
    for step in steps:
        entry = tally.setdefault(step.project, [0, 0])
        entry[0] += 1
        entry[1] += 0 if step.rung.participation else 1
    return [name for name, (total, low) in tally.items() if _mostly_non_participation(total, low)]


def attendance_for(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session)


def inclusion_for(*, project: Project, young_person: Membership) -> Inclusion | None:
    return Inclusion.objects.filter(project=project, young_person=young_person).first()


def attended_at(*, session: Session) -> QuerySet[Attendance]:
    return Attendance.objects.filter(session=session, attended=True).select_related(
        "young_person__user"
    )


def projects_of_sessions(*, organisation: Organisation) -> dict[int, tuple[int, str]]:
    """Every session's project, as {session id: (project id, project name)}: for totals that
    are summed by session first and only then put together by project."""
    rows = Session.objects.filter(organisation=organisation).values_list(
        "pk", "project_id", "project__name"
    )
    return {session: (project, name) for session, project, name in rows}
