"""Sections inclusion adds to lower apps' pages through their registries, so those apps never
import inclusion: the register (`projects.sections.session_sections`), a project's staff page
(`projects.sections.project_sections`: who to invite next) and a young person's page
(`organisations.sections.person_sections`). Each asks a fixed number of queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.inclusion import selectors
from coproduce.inclusion.choices import Need
from coproduce.organisations import sections as person_page
from coproduce.projects import sections as project_pages
from coproduce.projects.selectors import (
    projects_taken_part_in,
    register_for,
    young_people_who_came,
)

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project, Session

PROJECT_SUGGESTIONS = 5


def need_labels(values: list[str]) -> list[str]:
    labels = dict(Need.choices)
    return [str(labels[v]) for v in values if v in labels]


def register_section(request: HttpRequest, session: Session) -> project_pages.Section | None:
    """Before taking the register: who is being asked too often, and what people need."""
    members = [member for member, _entry in register_for(session=session)]
    often = selectors.asked_often(organisation=session.organisation)
    needs = selectors.needs_by_person(organisation=session.organisation)
    shown_often = [(m, often[m.pk]) for m in members if m.pk in often]
    shown_needs = [
        (m, needs[m.pk], need_labels(needs[m.pk].needs))
        for m in members
        if m.pk in needs and (needs[m.pk].needs or needs[m.pk].notes or needs[m.pk].first_language)
    ]
    if not shown_often and not shown_needs:
        return None
    return project_pages.Section(
        "inclusion/_session_support.html", {"often": shown_often, "needs": shown_needs}
    )


def taking_part_section(request: HttpRequest, membership: Membership) -> person_page.Section | None:
    """A young person's needs, an over-asked warning, barriers by project and payments."""
    viewer = getattr(request, "membership", None)
    if not membership.is_young_person or viewer is None or not viewer.can("staff"):
        return None
    needs = selectors.needs_of(membership=membership)
    return person_page.Section(
        "inclusion/_person_support.html",
        {
            "person": membership,
            "needs": needs,
            "need_labels": need_labels(needs.needs) if needs else [],
            "often": selectors.asked_often(organisation=membership.organisation).get(membership.pk),
            "projects": list(projects_taken_part_in(membership=membership)),
            "payments": list(selectors.payments_to(membership=membership)[:5]),
        },
    )


def who_to_ask_section(request: HttpRequest, project: Project) -> project_pages.Section | None:
    """On a project's staff page: the young people not yet in it who were asked least."""
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.can("staff"):
        return None
    leave_out = [m.pk for m in young_people_who_came(project=project)]
    return project_pages.Section(
        "inclusion/_project_who_to_ask.html",
        {
            "project": project,
            "suggestions": selectors.least_asked(
                organisation=project.organisation,
                leave_out=leave_out,
                limit=PROJECT_SUGGESTIONS,
                under_13s=2,
            ),
            "limits": selectors.settings_for(organisation=project.organisation),
        },
    )
