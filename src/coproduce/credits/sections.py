"""What credits adds to a session's register page: the check-in code and issuing credits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.projects.sections import Section

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.projects.models import Session


def session_section(request: HttpRequest, session: Session) -> Section | None:
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    return Section(
        "credits/_session_section.html",
        {"session": session, "saved": request.GET.get("saved") == "1"},
    )
