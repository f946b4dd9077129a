"""The "Messages sent to them" section of a young person's page (organisations' page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.notifications.selectors import messages_of, preference_of
from coproduce.organisations.sections import Section

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.organisations.models import Membership


def messages_section(request: HttpRequest, membership: Membership) -> Section | None:
    if not membership.is_young_person:
        return None
    viewer = getattr(request, "membership", None)
    unreachable = not membership.user.email and not preference_of(membership).mobile
    return Section(
        "notifications/_person_section.html",
        {
            "section_messages": messages_of(membership, limit=10),
            "section_unreachable": unreachable,
            "section_can_see_all": bool(viewer and viewer.can("manage_people")),
        },
    )
