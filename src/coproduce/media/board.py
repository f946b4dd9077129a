"""Media's section of a project's "You said – we did" board (registered in MediaConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from coproduce.media.selectors import project_media_for_board
from coproduce.projects.sections import Section

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.projects.models import Project


def board_section(request: HttpRequest, project: Project) -> Section | None:
    """Published media: only items every identifiable young person consents to, today; staff
    also see what was left off, and why."""
    media = project_media_for_board(project, timezone.localdate())
    viewer = getattr(request, "membership", None)
    staff = viewer is not None and viewer.is_staff_member
    if not media.included and not (staff and media.left_out):
        return None  # young people never see what was left off, nor why
    return Section(template="media/_board.html", context={"media": media, "staff": staff})
