"""Other apps add sections to a project's board through projects' own hook, so projects never
imports them (media adds the photos and quotes that may be published)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from coproduce.core.hooks import Registry
from coproduce.media.board import board_section
from coproduce.projects import sections, services
from coproduce.projects.sections import BoardSection, Section
from tests.conftest import client_for

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


def test_it_registers_media_on_the_board_when_the_app_is_ready() -> None:
    assert board_section in list(sections.board_sections)


def test_it_shows_each_section_another_app_adds_and_skips_those_with_nothing(
    practitioner: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    club = services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign Friday club",
    )
    seen: list[int] = []

    def shown(request: HttpRequest, project: Project) -> Section | None:
        seen.append(project.pk)
        return Section("components/tag.html", {"text": "From another app", "colour": "blue"})

    def empty(request: HttpRequest, project: Project) -> Section | None:
        return None

    registry: Registry[BoardSection] = Registry("test")
    registry.register(shown)
    registry.register(empty)
    monkeypatch.setattr(sections, "board_sections", registry)

    html = client_for(practitioner).get(f"/projects/{club.pk}/board/").content.decode()

    assert "From another app" in html
    assert seen == [club.pk]
