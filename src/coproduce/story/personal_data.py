"""Personal data held by peer mentoring (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q

from coproduce.core.hooks import PersonalData
from coproduce.story.models import Mentoring

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    rows = Mentoring.objects.filter(organisation=membership.organisation).select_related(
        "project", "mentor__user", "mentee__user"
    )
    mentor = [m for m in rows.filter(mentor=membership)]
    mentee = [m for m in rows.filter(mentee=membership)]
    return {
        "mentoring": [
            {"project": m.project.name, "mentor_of": m.mentee.user.display_name} for m in mentor
        ]
        + [{"project": m.project.name, "mentored_by": m.mentor.user.display_name} for m in mentee]
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Mentoring pairs name two people: an erased person's pairs go."""
    Mentoring.objects.filter(organisation=membership.organisation).filter(
        Q(mentor=membership) | Q(mentee=membership)
    ).delete()


PROVIDER = PersonalData(
    app="story",
    models=["story.mentoring"],
    export=export,
    erase=erase,
    actor_fields={"story.mentoring": {"created_by"}},
)
