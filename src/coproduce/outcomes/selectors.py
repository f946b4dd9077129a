"""Reads for outcomes: which check-ins are due, a young person's journey, and a project's
before and after (first and latest check-in of each young person)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from coproduce.assessments import matrix
from coproduce.assessments.matrix import Cell
from coproduce.core.suppression import is_small
from coproduce.core.tenancy import settings_or_defaults
from coproduce.outcomes.measures import KEYS, MEASURES
from coproduce.outcomes.models import OutcomeCheckIn, OutcomeSettings
from coproduce.projects import selectors as projects

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def settings_for(*, organisation: Organisation) -> OutcomeSettings:
    """The organisation's check-in settings (unsaved defaults until someone changes them)."""
    return settings_or_defaults(OutcomeSettings, organisation=organisation)


def check_ins_of(membership: Membership) -> QuerySet[OutcomeCheckIn]:
    return OutcomeCheckIn.objects.filter(young_person=membership).select_related("project")


def due(membership: Membership, *, now: datetime.datetime | None = None) -> QuerySet[Project]:
    """Projects a young person takes part in whose check-in is due (never taken, or the latest
    one too long ago), by name. A query, so the home page can show a few and count the rest
    without making every project: someone who has been to hundreds of sessions took 100 ms."""
    now = now or timezone.now()
    gap = datetime.timedelta(days=settings_for(organisation=membership.organisation).every_days)
    recent = check_ins_of(membership).filter(taken_at__gt=now - gap).values("project")
    return projects.projects_taken_part_in(membership=membership).exclude(pk__in=recent)


def due_for(membership: Membership, *, now: datetime.datetime | None = None) -> list[Project]:
    """Every project whose check-in is due (see `due`)."""
    return list(due(membership, now=now))


@dataclass
class Change:
    key: str
    label: str
    before: Decimal | None
    after: Decimal | None


@dataclass
class BeforeAfter:
    project: Project
    people: int  # young people with at least two check-ins
    shown: bool
    changes: list[Change]


def _mean(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def before_after(project: Project) -> BeforeAfter:
    first: dict[int, OutcomeCheckIn] = {}
    last: dict[int, OutcomeCheckIn] = {}
    for c in OutcomeCheckIn.objects.filter(project=project).order_by("taken_at", "id"):
        first.setdefault(c.young_person_id, c)
        last[c.young_person_id] = c
    paired = [pid for pid in first if last[pid].pk != first[pid].pk]
    # Too few young people and the averages are not shown (the small-number rule).
    shown = not is_small(len(paired))
    changes = [
        Change(
            key,
            str(label),
            _mean([getattr(first[p], key) for p in paired]) if shown else None,
            _mean([getattr(last[p], key) for p in paired]) if shown else None,
        )
        for key, label, _question in MEASURES
    ]
    return BeforeAfter(project, len(paired), shown, changes)


def get_project_for(*, organisation: Organisation | None, pk: int) -> Project:
    return projects.get_project_for(organisation=organisation, pk=pk)


def keys() -> list[str]:
    return KEYS


@dataclass
class PortfolioCell:
    cell: Cell
    projects: list[Project]


@dataclass
class Portfolio:
    # Rows by who delivers, then one cell per "who designs" (nef's matrix, seed 004).
    rows: list[tuple[str, list[PortfolioCell]]]
    # Bovaird and Loeffler's eight forms (seed 001), each with the projects that use it.
    forms: list[tuple[str, str, list[Project]]]
    total: int


def portfolio(*, organisation: Organisation) -> Portfolio:
    """Every project placed in its design × delivery cell, and listed under each form it uses."""
    everything = list(projects.projects_for(organisation=organisation).order_by("name"))
    by_cell: dict[tuple[str, str], list[Project]] = {}
    for p in everything:
        by_cell.setdefault((p.designed_by, p.delivered_by), []).append(p)
    rows = [
        (
            str(label),
            [
                PortfolioCell(cell, by_cell.get((designed, delivered), []))
                for designed, cell in cells
            ],
        )
        for delivered, label, cells in matrix.grid()
    ]
    forms = [
        (str(label), str(meaning), [p for p in everything if key in (p.forms or [])])
        for key, label, meaning in matrix.FORMS
    ]
    return Portfolio(rows, forms, len(everything))
