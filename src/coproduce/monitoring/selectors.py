"""Reads for monitoring: inclusion across the organisation, narratives and population."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Prepared, Question, run_together
from coproduce.monitoring.analytics import (
    AGE_BANDS,
    OTHER_BAND,
    born_by_for_age,
    gini_of_counts,
    share,
    top_tenth_share_of_counts,
)
from coproduce.monitoring.models import Narrative, PopulationGroup
from coproduce.organisations.selectors import young_people_for
from coproduce.projects import selectors as projects
from coproduce.projects.selectors.report import PERIOD, period_values

if TYPE_CHECKING:
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
    people_by_places: dict[int, int]  # how many young people on the books took so many places
    gini: Decimal
    top_tenth_share: Decimal
    never_invited: list[NamedPerson]  # never on any register, by first name
    under_13_share: Decimal | None

    @property
    def places(self) -> list[int]:
        """Places taken in the period, one per young person on the books, fewest first (made
        when asked: at a council that is 20,000 numbers no page shows)."""
        counts = self.people_by_places
        return [value for value in sorted(counts) for _ in range(counts[value])]


# The ages whose last dates of birth `_per_person` compares with: each band's bounds, 13, and
# 0 and 1 (an age of 0, a baby, counts as not known).
_AGES = sorted({age for _name, low, high in AGE_BANDS for age in (low, high + 1)} | {0, 1, 13})


def _per_person(*, organisation: int, **born_by: datetime.date) -> Any:
    """The young people on the books as values the figures need, worked out in the database:
    `band` (index into AGE_BANDS, or len(AGE_BANDS) for the rest and for no date of birth),
    `care` and `under_13` (1 or 0), by comparing dates of birth with `born_by_for_age` (passed
    in as `born_by_<age>`), the same as `age_band(age_on(born, end))`."""
    born = "user__date_of_birth"

    def at_least(age: int) -> Q:  # age_on(born, end) >= age
        return Q(**{f"{born}__lte": born_by[f"born_by_{age}"]})

    def under(age: int) -> Q:  # age_on(born, end) < age (a date of birth is known)
        return Q(**{f"{born}__gt": born_by[f"born_by_{age}"]})

    bands = [
        When(at_least(low) & under(high + 1), then=Value(i))
        for i, (_name, low, high) in enumerate(AGE_BANDS)
    ]
    return (
        young_people_for(organisation=organisation)
        .order_by()
        .values(person=F("pk"))
        .annotate(
            band=Case(*bands, default=Value(len(AGE_BANDS))),
            care=Case(When(in_care=True, then=Value(1)), default=Value(0)),
            # As `(age or 99) < 13` always has: an age of 0 (a baby) counts as not known.
            under_13=Case(
                When(under(13) & (under(0) | at_least(1)), then=Value(1)), default=Value(0)
            ),
        )
    )


# Compiled once: building its bands' conditions cost more than PostgreSQL's answer at `small`.
_PER_PERSON = Prepared(
    _per_person, organisation=int, **{f"born_by_{age}": datetime.date for age in _AGES}
)


def _never_invited(*, organisation: int) -> Any:
    """Young people on the books never on any session's register, by first name (one read
    of names only; a page shows them a screenful at a time)."""
    people = young_people_for(organisation=organisation)
    return (
        projects.never_on_a_register(among=people)
        .order_by("user__first_name", "pk")
        .values("pk", *name_fields("user"))
    )


def _population(*, organisation: int) -> Any:
    return PopulationGroup.objects.filter(organisation=organisation).values("group", "count")


_NEVER_INVITED = Prepared(_never_invited, organisation=int)
_POPULATION = Prepared(_population, organisation=int)


def population_of(organisation: Organisation) -> dict[str, int]:
    return _population_from(_POPULATION(organisation=organisation.pk))


def _population_from(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {r["group"]: r["count"] for r in rows}


def _named_people(rows: list[dict[str, Any]]) -> list[NamedPerson]:
    return [NamedPerson(r["pk"], display_name_from(r, "user")) for r in rows]


def _grouped(
    organisation: Organisation, start: datetime.date, end: datetime.date
) -> list[tuple[int, int, int, int, int]]:
    """One statement: (places taken in the period, band, care, under_13, how many young
    people), the young people on the books grouped by the first four. The people and the
    places per person are the two apps' own queries, joined here."""
    born_by = {f"born_by_{age}": born_by_for_age(age, end) for age in _AGES}
    people, params = _PER_PERSON.bind(organisation=organisation.pk, **born_by).sql_with_params()
    parts = [
        part.sql_with_params()
        for part in projects.places_per_person_in_period(
            organisation=organisation, start=start, end=end
        )
    ]
    # Each part has a row a person, so each is joined on its own and the places added: no
    # second grouping of the parts' rows (which cost PostgreSQL a sort and a parallel merge).
    joins = " ".join(
        f"LEFT JOIN ({sql}) t{i} ON t{i}.person = p.person" for i, (sql, _p) in enumerate(parts)
    )
    places = " + ".join(f"COALESCE(t{i}.places, 0)" for i in range(len(parts))) or "0"
    sql = (
        f"SELECT {places}, p.band, p.care, p.under_13, COUNT(*) "  # noqa: S608
        f"FROM ({people}) p {joins} "
        f"GROUP BY {places}, p.band, p.care, p.under_13"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, *(p for _sql, part in parts for p in part)))
        return [(int(a), int(b), int(c), int(d), int(e)) for a, b, c, d, e in cursor.fetchall()]


def inclusion_of(
    organisation: Organisation, start: datetime.date, end: datetime.date
) -> InclusionView:
    """Who takes part, against who the organisation serves, and how evenly places are shared.
    The database groups the young people on the books by places taken in the period, age
    band, care and under 13 (a few hundred rows, whatever the size), and the figures are
    worked out from those groups; those never on a register are read by name."""
    counts: Counter[int] = Counter()  # how many young people took so many places
    bands: Counter[str] = Counter()
    in_care = under_13 = 0
    for places, band, care, young, people in _grouped(organisation, start, end):
        counts[places] += people
        if places:
            bands[AGE_BANDS[band][0] if band < len(AGE_BANDS) else OTHER_BAND] += people
            in_care += care * people
            under_13 += young * people
    on_books = sum(counts.values())
    took_part = on_books - counts[0]
    # The population and the names of those never invited, together in one round.
    population_rows, never_invited_rows = run_together(
        [
            _POPULATION.bind(organisation=organisation.pk),
            _NEVER_INVITED.bind(organisation=organisation.pk),
        ]
    )
    population = _population_from(population_rows)
    rows = []
    for name in [name for name, _low, _high in AGE_BANDS] + [IN_CARE]:
        count = in_care if name == IN_CARE else bands.get(name, 0)
        served = population.get(name)
        rows.append(BandRow(name, count, served, share(count, served) if served else None))
    return InclusionView(
        start=start,
        end=end,
        on_books=on_books,
        took_part=took_part,
        rows=rows,
        people_by_places=dict(counts),
        gini=gini_of_counts(counts),
        top_tenth_share=top_tenth_share_of_counts(counts),
        never_invited=_named_people(never_invited_rows),
        under_13_share=share(under_13, took_part),
    )


def projects_to_report(organisation: Organisation) -> QuerySet[Project]:
    return projects.projects_for(organisation=organisation).order_by("name")


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    """The project, holding the organisation already in hand (it is the project's, as the
    look-up is scoped to it), so the report's reads do not ask for it again."""
    project = projects.get_project_for(organisation=organisation, pk=pk)
    if organisation is not None:
        project.organisation = organisation
    return project


def narrative_of(
    project: Project, start: datetime.date, end: datetime.date, question: str
) -> Narrative | None:
    return Narrative.objects.filter(
        project=project, period_start=start, period_end=end, question=question
    ).first()


class NarrativeRecord(NamedTuple):
    text: str


def _narratives(**period: Any) -> QuerySet[Narrative, Any]:
    return (
        Narrative.objects.filter(
            project=period["project"], period_start=period["start"], period_end=period["end"]
        )
        .order_by()
        .values("question", "text")
    )


_NARRATIVES = Prepared(_narratives, **PERIOD)


def narratives_of(
    project: Project, start: datetime.date, end: datetime.date
) -> Question[dict[str, NarrativeRecord]]:
    """What staff wrote beside each question for this period, by question."""
    return Question(
        (_NARRATIVES.bind(**period_values(project, start, end)),),
        lambda rows: {r["question"]: NarrativeRecord(r["text"]) for r in rows},
    )
