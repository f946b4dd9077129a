"""Reads for monitoring: inclusion across the organisation, narratives and population."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from coproduce.monitoring.analytics import AGE_BANDS, age_band, age_on, gini, share, top_tenth_share
from coproduce.monitoring.models import Narrative, PopulationGroup
from coproduce.organisations.selectors import young_people_for
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project

IN_CARE = "In care"


@dataclass
class BandRow:
    group: str
    took_part: int
    population: int | None
    rate: Decimal | None  # took part ÷ population


@dataclass
class InclusionView:
    start: datetime.date
    end: datetime.date
    on_books: int
    took_part: int
    rows: list[BandRow]
    places: list[int]
    gini: Decimal
    top_tenth_share: Decimal
    never_invited: list[Membership]
    under_13_share: Decimal | None


def population_of(organisation: Organisation) -> dict[str, int]:
    return dict(
        PopulationGroup.objects.filter(organisation=organisation).values_list("group", "count")
    )


def inclusion_of(
    organisation: Organisation, start: datetime.date, end: datetime.date
) -> InclusionView:
    """Who takes part, against who the organisation serves, and how evenly places are shared."""
    # Places in the period, and times on any register, per young person (one grouped read).
    taken = projects.places_taken(organisation=organisation, start=start, end=end)
    people = list(young_people_for(organisation=organisation).order_by("user__first_name", "pk"))
    places = {p.pk: taken.get(p.pk, (0, 0))[0] for p in people}
    took_part = [p for p in people if places[p.pk] > 0]
    bands = Counter(age_band(age_on(p.user.date_of_birth, end)) for p in took_part)
    population = population_of(organisation)
    rows = []
    for group in [name for name, _low, _high in AGE_BANDS] + [IN_CARE]:
        count = sum(1 for p in took_part if p.in_care) if group == IN_CARE else bands.get(group, 0)
        served = population.get(group)
        rows.append(BandRow(group, count, served, share(count, served) if served else None))
    counts = [places[p.pk] for p in people]
    under_13 = sum(1 for p in took_part if (age_on(p.user.date_of_birth, end) or 99) < 13)
    return InclusionView(
        start=start,
        end=end,
        on_books=len(people),
        took_part=len(took_part),
        rows=rows,
        places=counts,
        gini=gini(counts),
        top_tenth_share=top_tenth_share(counts),
        never_invited=[p for p in people if p.pk not in taken],
        under_13_share=share(under_13, len(took_part)),
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
