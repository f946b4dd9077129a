"""Where staff find a young person's story and a project's peer mentors (registered in
apps.py): a link on the person's page, and the mentoring pairs on the project's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.organisations.sections import Section as PersonSection
from coproduce.projects.sections import Section as ProjectSection
from coproduce.story.selectors import mentoring_in

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


def person_section(request: HttpRequest, membership: Membership) -> PersonSection | None:
    """On a young person's page: their story, as they would show it to a college."""
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.is_staff_member or not membership.is_young_person:
        return None
    return PersonSection("story/_person_section.html", {"person": membership})


def project_section(request: HttpRequest, project: Project) -> ProjectSection | None:
    """On a project's staff page: who mentors whom, and where to name a mentor."""
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.is_staff_member:
        return None
    return ProjectSection(
        "story/_project_section.html", {"project": project, "pairs": mentoring_in(project)}
    )
