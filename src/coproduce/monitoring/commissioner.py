"""The commissioner's view: read-only, across the organisations that chose to share with
them, aggregate figures only, with small numbers suppressed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from coproduce.core.suppression import SMALL_NUMBER, hide, hide_group, is_small
from coproduce.core.tenancy import organisation_scope
from coproduce.monitoring.report import QUESTIONS, Figure, Report, project_report
from coproduce.monitoring.selectors import InclusionView, inclusion_of, projects_to_report
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import memberships_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation
    from coproduce.projects.models import Project

# Figures that count young people (or are worked out from so few that they would tell on them).
PEOPLE_FIGURES = {
    "young_people",
    "new_young_people",
    "in_care",
    "under_13",
    "with_barriers",
    "supported",
    "paid",
    "climbed",
    "recognitions",
    "panel_seats",
}
DERIVED_FROM_PEOPLE = {"places", "hours", "credits_hours", "support_spent", "payments_spent"}


def shared_with(user: User) -> list[Organisation]:
    """Organisations where this person is a commissioner and that have turned sharing on."""
    return [
        m.organisation
        for m in memberships_of(user)
        if m.role == Role.COMMISSIONER and m.organisation.share_with_commissioners
    ]


def get_shared(user: User, slug: str) -> Organisation:
    for organisation in shared_with(user):
        if organisation.slug == slug:
            return organisation
    raise Http404


@dataclass
class SharedFigure:
    label: str
    shown: str


@dataclass
class SharedAnswer:
    question: str
    figures: list[SharedFigure]
    narrative: str


@dataclass
class SharedReport:
    project: Project
    start: datetime.date
    end: datetime.date
    answers: list[SharedAnswer]
    age_total: str
    age_bands: list[tuple[str, str]]


def fewer_than_5() -> str:
    return _("fewer than %(n)s") % {"n": SMALL_NUMBER}


def _shown(value: int | None) -> str:
    return fewer_than_5() if value is None else str(value)


def _figure(figure: Figure, few_people: bool) -> SharedFigure:
    if figure.key in PEOPLE_FIGURES:
        return SharedFigure(
            str(figure.label), _shown(hide(figure.value if isinstance(figure.value, int) else None))
        )
    if few_people and figure.key in DERIVED_FROM_PEOPLE:
        return SharedFigure(str(figure.label), fewer_than_5())
    return SharedFigure(str(figure.label), figure.shown)


def shared_report(
    organisation: Organisation, project_id: int, start: datetime.date, end: datetime.date
) -> SharedReport:
    with organisation_scope(organisation):
        project = projects_to_report(organisation).filter(pk=project_id).first()
        if project is None:
            raise Http404
        report: Report = project_report(project, start, end)
    value = report.figures["young_people"].value
    total = value if isinstance(value, int) else 0
    few = is_small(total)
    shown_total, parts = hide_group(total, [count for _band, count in report.age_bands])
    answers = [
        SharedAnswer(
            str(dict(QUESTIONS)[a.key]),
            [_figure(f, few) for f in a.figures],
            a.narrative.text if a.narrative else a.text,
        )
        for a in report.answers
    ]
    return SharedReport(
        project,
        start,
        end,
        answers,
        _shown(shown_total),
        [(band, _shown(v)) for (band, _count), v in zip(report.age_bands, parts, strict=True)],
    )


@dataclass
class SharedInclusion:
    on_books: str
    took_part: str
    rows: list[tuple[str, str]]
    never_invited: str


def shared_inclusion(
    organisation: Organisation, start: datetime.date, end: datetime.date
) -> SharedInclusion:
    with organisation_scope(organisation):
        view: InclusionView = inclusion_of(organisation, start, end)
    age_rows = [r for r in view.rows if r.group != "In care"]
    care = next(r for r in view.rows if r.group == "In care")
    # The age bands plus "other or not known" add up to those who took part.
    other = view.took_part - sum(r.took_part for r in age_rows)
    shown_total, parts = hide_group(view.took_part, [r.took_part for r in age_rows] + [other])
    return SharedInclusion(
        on_books=_shown(hide(view.on_books)),
        took_part=_shown(shown_total),
        rows=[(r.group, _shown(v)) for r, v in zip(age_rows, parts, strict=False)]
        + [("In care", _shown(hide(care.took_part)))],
        never_invited=_shown(hide(len(view.never_invited))),
    )


def projects_shared(organisation: Organisation) -> list[Project]:
    with organisation_scope(organisation):
        return list(projects_to_report(organisation))
