"""Reads other apps count from: the monitoring report (Appendix B) and outcomes' "who took part"."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Bound, Prepared
from coproduce.organisations.roles import Role
from coproduce.projects.models import (
    Attendance,
    Project,
    RegisterMonth,
    RegisterTotal,
    Session,
)

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def attendance_in_period(
    *, project: Project, start: datetime.date, end: datetime.date
) -> list[Attendance]:
    """Every register entry of the project's sessions in the period, in date order."""
    return list(
        Attendance.objects.filter(session__project=project, session__date__range=(start, end))
        .select_related("session", "young_person__user")
        .order_by("session__date", "session_id", "young_person_id")
    )


def barrier_labels() -> list[tuple[str, str]]:
    """The barriers to taking part that can be recorded, as (value, label)."""
    from coproduce.projects.models import Barrier

    return [(value, str(label)) for value, label in Barrier.choices]


def places_taken(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> dict[int, tuple[int, int]]:
    """Per young person ever on a register: (places taken in the period, times on any register)."""
    rows = (
        Attendance.objects.filter(organisation=organisation)
        .order_by()
        .values("young_person_id")
        .annotate(
            places=Count("id", filter=Q(attended=True, session__date__range=(start, end))),
            asked=Count("id"),
        )
        .values_list("young_person_id", "places", "asked")
    )
    return {person: (places, asked) for person, places, asked in rows}


def _came_in(
    *, organisation: Organisation | int, start: datetime.date, end: datetime.date
) -> QuerySet[Attendance]:
    """Register rows of those who came to the organisation's sessions in the period. The
    sessions are a subquery rather than a join: SQLite then reads the register by session
    (2.5 times quicker at `small`); PostgreSQL plans both alike."""
    sessions = Session.objects.filter(organisation=organisation, date__range=(start, end))
    return Attendance.objects.filter(
        organisation=organisation, attended=True, session__in=sessions.order_by().values("pk")
    )


def places_in_period(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> dict[int, int]:
    """Places taken in the period per young person who came at least once. Reads only the
    period's register (where `places_taken` reads every row ever, to count times asked)."""
    rows = (
        _came_in(organisation=organisation, start=start, end=end)
        .order_by()
        .values("young_person_id")
        .annotate(places=Count("id"))
        .values_list("young_person_id", "places")
    )
    return dict(rows)


class PlacesTaken(NamedTuple):
    pk: int  # the young person's membership id
    display_name: str
    places: int


def _came_more_than(
    *, organisation: int, start: datetime.date, end: datetime.date, more_than: int
) -> Any:
    return (
        _came_in(organisation=organisation, start=start, end=end)
        .filter(young_person__role=Role.YOUNG_PERSON, young_person__is_active=True)
        .order_by()
        .values("young_person_id", *name_fields("young_person__user"))
        .annotate(places=Count("id"))
        .filter(places__gt=more_than)
    )


_CAME_MORE_THAN = Prepared(
    _came_more_than, organisation=int, start=datetime.date, end=datetime.date, more_than=int
)


def came_more_than(
    *, organisation: Organisation, start: datetime.date, end: datetime.date, more_than: int
) -> list[PlacesTaken]:
    """The active young people who came to more than `more_than` sessions in the period, with
    their names, most places first (one prepared query: a few rows, whatever the size)."""
    rows = _CAME_MORE_THAN(organisation=organisation.pk, start=start, end=end, more_than=more_than)
    taken = [
        PlacesTaken(r["young_person_id"], display_name_from(r, "young_person__user"), r["places"])
        for r in rows
    ]
    return sorted(taken, key=lambda p: (-p.places, p.display_name))


def _whole_months(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The first days of the first and last calendar months wholly inside start…end."""
    first = start if start.day == 1 else (start.replace(day=28) + datetime.timedelta(days=4))
    first = first.replace(day=1)
    after = end + datetime.timedelta(days=1)
    last_end = after if after.day == 1 else after.replace(day=1)  # the day after the last
    last = (last_end - datetime.timedelta(days=1)).replace(day=1)
    return (first, last) if first <= last else None


def _months_places(*, organisation: int, first: datetime.date, last: datetime.date) -> Any:
    return (
        RegisterMonth.objects.filter(
            organisation=organisation, month__range=(first, last), places__gt=0
        )
        .order_by()
        .values(person=F("young_person_id"))
        .annotate(places=Sum("places"))
    )


def _days_places(*, organisation: int, first: datetime.date, last: datetime.date) -> Any:
    return (
        _came_in(organisation=organisation, start=first, end=last)
        .order_by()
        .values(person=F("young_person_id"))
        .annotate(places=Count("id"))
    )


# Compiled once, then only their values change (building them was most of the page's Python).
_MONTHS_PLACES = Prepared(_months_places, organisation=int, first=datetime.date, last=datetime.date)
_DAYS_PLACES = Prepared(_days_places, organisation=int, first=datetime.date, last=datetime.date)


def places_per_person_in_period(
    *, organisation: Organisation, start: datetime.date, end: datetime.date
) -> list[Bound]:
    """The places taken in the period per young person, unread, for a caller to join to its
    own query (so only grouped figures leave the database): prepared queries of rows `person`
    (membership id) and `places`, to be added up by person. Whole calendar months come from
    the register summary kept by triggers (`RegisterMonth`, a row a person a month), the days
    of a month only partly in the period from the register itself."""
    parts: list[Bound] = []
    days = [(start, end)]
    months = _whole_months(start, end)
    if months is not None:
        first, last = months
        parts.append(_MONTHS_PLACES.bind(organisation=organisation.pk, first=first, last=last))
        next_month = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        days = [
            (a, b)
            for a, b in [(start, first - datetime.timedelta(days=1)), (next_month, end)]
            if a <= b
        ]
    for day_from, day_to in days:
        parts.append(_DAYS_PLACES.bind(organisation=organisation.pk, first=day_from, last=day_to))
    return parts


def never_on_a_register(*, among: QuerySet[Membership]) -> QuerySet[Membership]:
    """The young people of `among` who have never been on any session's register: those with
    no row in the summary the triggers keep (`RegisterTotal`, a row a person ever on one)."""
    return among.filter(~Exists(RegisterTotal.objects.filter(young_person=OuterRef("pk"))))


def projects_taken_part_in(*, membership: Membership) -> QuerySet[Project]:
    """Projects at whose sessions the young person has come at least once, by name."""
    came = Attendance.objects.filter(young_person=membership, attended=True)
    return Project.objects.filter(pk__in=came.values("session__project")).order_by("name")


def sessions_attended_by(
    *, membership: Membership, project: Project | None = None
) -> QuerySet[Session]:
    """Sessions the young person came to (on the register as came), newest first."""
    came = Attendance.objects.filter(
        organisation=membership.organisation_id, young_person=membership, attended=True
    )
    sessions = Session.objects.filter(
        organisation=membership.organisation_id, pk__in=came.values("session")
    )
    if project is not None:
        sessions = sessions.filter(project=project)
    return sessions.select_related("project").order_by("-date", "-pk")


def young_people_who_came(*, project: Project) -> list[Membership]:
    """Everyone who came to at least one of the project's sessions, in the order they joined."""
    rows = Attendance.objects.filter(session__project=project, attended=True).select_related(
        "young_person__user"
    )
    return sorted({a.young_person for a in rows}, key=lambda m: m.pk)


def sessions_in(*, organisation: Organisation) -> QuerySet[Session]:
    """Every session an organisation has held, oldest first (e.g. to issue credits for them)."""
    return Session.objects.filter(organisation=organisation).order_by("date", "pk")


def sessions_on(*, organisation: Organisation, dates: list[datetime.date]) -> QuerySet[Session]:
    """The organisation's sessions held on these days (e.g. to find one by its check-in code)."""
    return Session.objects.filter(organisation=organisation, date__in=dates).select_related(
        "project"
    )


def last_on_register(
    *, organisation: Organisation, young_people: QuerySet[Membership]
) -> dict[int, datetime.date]:
    """The date of the latest session each young person was on the register for (there or
    not), by membership id; someone never on a register is left out."""
    from django.db.models import Max

    rows = (
        Attendance.objects.filter(organisation=organisation, young_person__in=young_people)
        .order_by()
        .values("young_person_id")
        .annotate(last=Max("session__date"))
    )
    return {row["young_person_id"]: row["last"] for row in rows}


def invitees_of_sessions(
    *, organisation: Organisation, sessions: list[Session]
) -> dict[int, list[Membership]]:
    """For messages: by session id, the active young people in its project (accepted onto it
    or came to one of its sessions) who have not said they cannot come."""
    from coproduce.organisations.selectors import young_people_for
    from coproduce.projects.models import Apology, JoinRequest, JoinStatus

    project_ids = {s.project_id for s in sessions}
    accepted = JoinRequest.objects.filter(
        organisation=organisation, project_id__in=project_ids, status=JoinStatus.ACCEPTED
    ).values_list("project_id", "young_person_id")
    came = Attendance.objects.filter(
        organisation=organisation, session__project_id__in=project_ids, attended=True
    ).values_list("session__project_id", "young_person_id")
    in_project: dict[int, set[int]] = {}
    for project_id, person_id in [*accepted, *came]:
        in_project.setdefault(project_id, set()).add(person_id)
    cannot = set(
        Apology.objects.filter(
            organisation=organisation, session_id__in=[s.pk for s in sessions]
        ).values_list("session_id", "young_person_id")
    )
    everyone = set().union(*in_project.values()) if in_project else set()
    people = {
        m.pk: m
        for m in young_people_for(organisation=organisation)
        .filter(pk__in=everyone)
        .select_related("user")
    }
    return {
        s.pk: [
            people[pk]
            for pk in sorted(in_project.get(s.project_id, set()))
            if pk in people and (s.pk, pk) not in cannot
        ]
        for s in sessions
    }
