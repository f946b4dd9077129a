"""Sections other apps add to a person's page, so organisations need not know those apps.

Apps above organisations register a callable in their `AppConfig.ready()`:

    from coproduce.organisations import sections
    sections.person_sections.register(person_page.messages_section)

`messages_section(request, membership)` answers a `Section` to show on the person's page
(staff only see that page), or None to show nothing. Sections appear in registration order.
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

    from coproduce.organisations.models import Membership


@dataclass(frozen=True)
class Section:
    """A template and its context, rendered into the person's page."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


PersonSection = Callable[["HttpRequest", "Membership"], Section | None]

person_sections: Registry[PersonSection] = Registry("organisations.person_sections")


def render_person_sections(request: HttpRequest, membership: Membership) -> list[SafeString]:
    """Each registered section that has something to show, rendered with the page's request."""
    shown = []
    for section_for in person_sections:
        section = section_for(request, membership)
        if section is not None:
            shown.append(render_to_string(section.template, section.context, request=request))
    return shown
