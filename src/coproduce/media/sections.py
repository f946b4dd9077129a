"""What media adds to a project's page (registered in apps.py): for a young person in it, the
sessions they came to, each with a way to add a photo or a quote, and what they have added."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.media.selectors import offered_by
from coproduce.projects.sections import Section
from coproduce.projects.selectors import sessions_attended_by

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.projects.models import Project

SHOWN = 5  # the latest sessions; enough to add something the day after


def project_section(request: HttpRequest, project: Project) -> Section | None:
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.is_young_person:
        return None
    sessions = list(sessions_attended_by(membership=viewer, project=project)[:SHOWN])
    if not sessions:
        return None
    added = list(offered_by(viewer).filter(project=project)[:SHOWN])
    return Section("media/_project_section.html", {"sessions": sessions, "added": added})
