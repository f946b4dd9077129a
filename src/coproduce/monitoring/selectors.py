"""Reads for monitoring: inclusion across the organisation, narratives and population."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from coproduce.monitoring.analytics import AGE_BANDS, age_band, age_on, gini, share, top_tenth_share
from coproduce.monitoring.models import Narrative, PopulationGroup
from coproduce.organisations.selectors import young_people_for
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.organisations.models import Organisation
    from coproduce.projects.models import Project

IN_CARE = "In care"


@dataclass
class BandRow:
    group: str
    took_part: int
    population: int | None
    rate: Decimal | None  # took part ÷ population


class NamedPerson(NamedTuple):
    """A young person as a list shows them: membership id and the name they go by."""

    pk: int
    display_name: str


@dataclass
class InclusionView:
    start: datetime.date
    end: datetime.date
    on_books: int
    took_part: int
    rows: list[BandRow]
    places: list[int]  # places taken in the period, one per young person on the books
    gini: Decimal
    top_tenth_share: Decimal
    never_invited: list[NamedPerson]  # never on any register, by first name
    under_13_share: Decimal | None


def population_of(organisation: Organisation) -> dict[str, int]:
    return dict(
        PopulationGroup.objects.filter(organisation=organisation).values_list("group", "count")
    )


def never_invited_of(organisation: Organisation) -> list[NamedPerson]:
    """Young people on the books never on any session's register, by first name (one read
    of names only; a page shows them a screenful at a time)."""
    people = young_people_for(organisation=organisation)
    rows = (
        projects.never_on_a_register(among=people)
        .order_by("user__first_name", "pk")
        .values_list(
            "pk", "user__preferred_name", "user__first_name", "user__last_name", "user__username"
        )
    )
    # As User.display_name: the name they go by, else their full name, else username.
    return [
        NamedPerson(pk, preferred or f"{first} {last}".strip() or username)
        for pk, preferred, first, last, username in rows
    ]


def inclusion_of(
    organisation: Organisation, start: datetime.date, end: datetime.date
) -> InclusionView:
    """Who takes part, against who the organisation serves, and how evenly places are shared.
    Reads values only: the period's places per young person who came (one grouped read of the
    period's register), each young person's age and care, and the names of those never
    invited."""
    taken = projects.places_in_period(organisation=organisation, start=start, end=end)
    people = young_people_for(organisation=organisation).order_by()
    counts: list[int] = []  # places taken, one per young person on the books
    bands: Counter[str] = Counter()
    in_care = under_13 = 0
    for person, care, born in people.values_list("pk", "in_care", "user__date_of_birth"):
        places = taken.get(person, 0)
        counts.append(places)
        if places:
            age = age_on(born, end)
            bands[age_band(age)] += 1
            in_care += care
            under_13 += (age or 99) < 13
    took_part = len(counts) - counts.count(0)
    population = population_of(organisation)
    rows = []
    for group in [name for name, _low, _high in AGE_BANDS] + [IN_CARE]:
        count = in_care if group == IN_CARE else bands.get(group, 0)
        served = population.get(group)
        rows.append(BandRow(group, count, served, share(count, served) if served else None))
    return InclusionView(
        start=start,
        end=end,
        on_books=len(counts),
        took_part=took_part,
        rows=rows,
        places=counts,
        gini=gini(counts),
        top_tenth_share=top_tenth_share(counts),
        never_invited=never_invited_of(organisation),
        under_13_share=share(under_13, took_part),
    )


def projects_to_report(organisation: Organisation) -> QuerySet[Project]:
    return projects.projects_for(organisation=organisation).order_by("name")


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    return projects.get_project_for(organisation=organisation, pk=pk)


def narrative_of(
    project: Project, start: datetime.date, end: datetime.date, question: str
) -> Narrative | None:
    return Narrative.objects.filter(
        project=project, period_start=start, period_end=end, question=question
    ).first()


def narratives_of(
    project: Project, start: datetime.date, end: datetime.date
) -> dict[str, Narrative]:
    """What staff wrote beside each question for this period, by question."""
    rows = Narrative.objects.filter(
        project=project, period_start=start, period_end=end
    ).select_related("updated_by")
    return {n.question: n for n in rows}
