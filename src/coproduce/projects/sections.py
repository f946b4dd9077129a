"""Sections other apps add to a project's pages, so projects need not know those apps.

Apps above projects (media, for one) register a callable in their `AppConfig.ready()`:

    from coproduce.projects import sections
    sections.board_sections.register(board.board_section)

`board_section(request, project)` answers a `Section` to show on the printable
"You said – we did" board, or None to show nothing. Sections appear in registration order
(INSTALLED_APPS order), after the answered ideas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.core.hooks import Registry

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.projects.models import Project, Session


@dataclass(frozen=True)
class Section:
    """A template and its context, rendered into the page where sections go."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


BoardSection = Callable[["HttpRequest", "Project"], Section | None]

board_sections: Registry[BoardSection] = Registry("projects.board_sections")

SessionSection = Callable[["HttpRequest", "Session"], Section | None]

# Shown on a session's register page (credits: the check-in code and issuing credits).
session_sections: Registry[SessionSection] = Registry("projects.session_sections")


ProjectSection = Callable[["HttpRequest", "Project"], Section | None]

# Shown on a project's "Roles and people" page for staff, after its roles (story: naming peer
# mentors; inclusion: who to invite next).
project_sections: Registry[ProjectSection] = Registry("projects.project_sections")


def render_project_sections(request: HttpRequest, project: Project) -> list[SafeString]:
    return _render([section_for(request, project) for section_for in project_sections], request)


def render_board_sections(request: HttpRequest, project: Project) -> list[SafeString]:
    """Each registered section that has something to show, rendered with the page's request."""
    return _render([section_for(request, project) for section_for in board_sections], request)


def render_session_sections(request: HttpRequest, session: Session) -> list[SafeString]:
    return _render([section_for(request, session) for section_for in session_sections], request)


def _render(sections: list[Section | None], request: HttpRequest) -> list[SafeString]:
    return [
        render_to_string(s.template, s.context, request=request) for s in sections if s is not None
    ]
