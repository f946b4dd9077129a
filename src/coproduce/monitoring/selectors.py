"""Reads for monitoring: inclusion across the organisation, narratives and population."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from coproduce.core.tenancy import get_for
from coproduce.monitoring.analytics import AGE_BANDS, age_band, age_on, gini, share, top_tenth_share
from coproduce.monitoring.models import Narrative, PopulationGroup
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
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
    people = list(
        Membership.objects.filter(organisation=organisation, role=Role.YOUNG_PERSON, is_active=True)
        .select_related("user")
        .annotate(
            places=Count(
                "attendance",
                filter=Q(attendance__attended=True, attendance__session__date__range=(start, end)),
            ),
            ever_asked=Count("attendance"),
        )
        .order_by("user__first_name", "pk")
    )
    took_part = [p for p in people if p.places > 0]
    bands = Counter(age_band(age_on(p.user.date_of_birth, end)) for p in took_part)
    population = population_of(organisation)
    rows = []
    for group in [name for name, _low, _high in AGE_BANDS] + [IN_CARE]:
        count = sum(1 for p in took_part if p.in_care) if group == IN_CARE else bands.get(group, 0)
        served = population.get(group)
        rows.append(BandRow(group, count, served, share(count, served) if served else None))
    places = [p.places for p in people]
    under_13 = sum(1 for p in took_part if (age_on(p.user.date_of_birth, end) or 99) < 13)
    return InclusionView(
        start=start,
        end=end,
        on_books=len(people),
        took_part=len(took_part),
        rows=rows,
        places=places,
        gini=gini(places),
        top_tenth_share=top_tenth_share(places),
        never_invited=[p for p in people if p.ever_asked == 0],
        under_13_share=share(under_13, len(took_part)),
    )


def projects_to_report(organisation: Organisation) -> QuerySet[Project]:
    return (
        Project.objects.filter(organisation=organisation).select_related("service").order_by("name")
    )


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    return get_for(Project.objects.select_related("service"), organisation=organisation, pk=pk)


def narrative_of(
    project: Project, start: datetime.date, end: datetime.date, question: str
) -> Narrative | None:
    return Narrative.objects.filter(
        project=project, period_start=start, period_end=end, question=question
    ).first()
