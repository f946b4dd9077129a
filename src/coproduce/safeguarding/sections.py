"""What safeguarding adds to other apps' pages (registered in apps.py): links only, and
nothing that would tell anyone whether a concern exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coproduce.organisations.sections import Section as PersonSection
from coproduce.projects.sections import Section as SessionSection
from coproduce.safeguarding import selectors as sel

if TYPE_CHECKING:
    from django.http import HttpRequest

    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Session


def session_section(request: HttpRequest, session: Session) -> SessionSection | None:
    """On a session's register page: its risk assessment and the session sheet."""
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.can("record_concerns"):
        return None
    assessment = sel.assessment_of(session)
    running = sel.is_running(viewer, session) or sel.may_see_welfare(viewer, None, running=False)
    return SessionSection(
        "safeguarding/_session_section.html",
        {
            "session": session,
            "assessment": assessment,
            "staff": sel.session_staff_of(session),
            "running": running,
        },
    )


def person_section(request: HttpRequest, membership: Membership) -> PersonSection | None:
    """On a young person's page: welfare information (for those who may see it) and, for the
    safeguarding lead and deputies only, the chronology."""
    viewer = getattr(request, "membership", None)
    if viewer is None or not viewer.can("record_concerns") or not membership.is_young_person:
        return None
    running = sel.runs_a_session_with(viewer, membership)
    welfare = sel.may_see_welfare(viewer, sel.welfare_of(membership), running=running)
    team = sel.is_safeguarding_team(viewer)
    if not (welfare or team):
        return None
    return PersonSection(
        "safeguarding/_person_section.html",
        {"person": membership, "welfare": welfare, "team": team},
    )
