"""Reads for the credits overview: the accounts' totals and the time given by project over a
period (re-exported by `credits.selectors`, where callers find them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import Coalesce

from coproduce.credits.models import Account, AccountKind, SanctionedTime, SessionTime

if TYPE_CHECKING:
    import datetime

    from coproduce.organisations.models import Organisation


@dataclass
class Summary:
    issued: int
    spent: int
    outstanding: int
    # The projects where most time was given at the period's sessions and not put right, most
    # first (every session when no period is given): at most BUSIEST_PROJECTS of them ...
    by_project: list[tuple[str, int]]
    # ... of this many projects where any time was given.
    projects_with_time: int = 0
    # Minutes given as a sanction: recorded, never credited.
    sanctioned: int = 0


BUSIEST_PROJECTS = 10


def summary_for(
    *,
    organisation: Organisation,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> Summary:
    """The organisation's credits at a glance; the busiest projects for sessions held from
    `start` to `end` (both days included). The accounts' totals are one read of the accounts
    (the issuing account's balance, negated, is what was ever issued)."""
    totals = Account.objects.filter(organisation=organisation).aggregate(
        issuing=Coalesce(Sum("balance", filter=Q(kind=AccountKind.ISSUING)), 0),
        spent=Coalesce(Sum("balance", filter=Q(kind=AccountKind.REWARD)), 0),
        outstanding=Coalesce(Sum("balance", filter=Q(kind=AccountKind.YOUNG_PERSON)), 0),
    )
    sanctioned = SanctionedTime.objects.filter(organisation=organisation).aggregate(
        s=Coalesce(Sum("minutes"), 0)
    )["s"]
    busiest, how_many = _busiest_projects(organisation=organisation, start=start, end=end)
    return Summary(
        issued=-int(totals["issuing"]),
        spent=int(totals["spent"]),
        outstanding=int(totals["outstanding"]),
        by_project=busiest,
        projects_with_time=how_many,
        sanctioned=sanctioned,
    )


def _time_given_by_project(
    *,
    organisation: Organisation,
    start: datetime.date | None,
    end: datetime.date | None,
) -> QuerySet[SessionTime, dict[str, Any]]:
    """Minutes given at each project's sessions (held in the period, if one is given) and not
    put right since, most first, as rows of `name` and `m`; projects that share a name stay
    apart.

    Read from SessionTime, one row a session kept by the database as entries are posted:
    summing the entries themselves read 340,000 rows at the `council` size (75 ms for a
    year's sessions, 200 ms for all of them, on PostgreSQL)."""
    rows = SessionTime.objects.filter(organisation=organisation)
    if start is not None:
        rows = rows.filter(session__date__gte=start)
    if end is not None:
        rows = rows.filter(session__date__lte=end)
    return (
        rows.order_by()
        .values("session__project")
        .annotate(name=F("session__project__name"), m=Sum("minutes"))
        .filter(m__gt=0)
        .order_by("-m", "name", "session__project")
    )


def time_by_project(
    *,
    organisation: Organisation,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> list[tuple[str, int]]:
    """Every project's minutes given (see `_time_given_by_project`), most first."""
    rows = _time_given_by_project(organisation=organisation, start=start, end=end)
    return [(row["name"], int(row["m"])) for row in rows]


def _busiest_projects(
    *,
    organisation: Organisation,
    start: datetime.date | None,
    end: datetime.date | None,
) -> tuple[list[tuple[str, int]], int]:
    """The first BUSIEST_PROJECTS of `time_by_project` and how many projects it has, in one
    read that sends only those few rows (a council has two thousand projects)."""
    found = list(
        _time_given_by_project(organisation=organisation, start=start, end=end).annotate(
            how_many=Window(Count("*"))
        )[:BUSIEST_PROJECTS]
    )
    busiest = [(row["name"], int(row["m"])) for row in found]
    return busiest, (int(found[0]["how_many"]) if found else 0)
