"""Personal data held by projects (see coproduce/core/personal_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from coproduce.core.hooks import PersonalData
from coproduce.projects.models import Apology, Attendance, Idea, Inclusion, JoinRequest

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = [
    "projects.apology",
    "projects.attendance",
    "projects.idea",
    "projects.inclusion",
    "projects.joinrequest",
    # Counts of a person's register rows by month and in all, kept by database triggers from
    # the register (exported above as it is); they follow it, so nothing to erase here.
    "projects.registermonth",
    "projects.registertotal",
]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    return {
        "attendance": [
            {
                "date": a.session.date.isoformat(),
                "project": a.session.project.name,
                "activity": a.session.activity,
                "attended": a.attended,
                "rung": a.rung,
            }
            for a in Attendance.objects.filter(young_person=membership).select_related(
                "session__project"
            )
        ],
        "ideas": [
            {
                "text": i.text,
                "project": i.project.name if i.project else None,
                "created_at": i.created_at.isoformat(),
                "status": i.response.status if i.response else None,
            }
            for i in Idea.objects.filter(author=membership).select_related("project", "response")
        ],
        "taking_part": [
            {
                "project": x.project.name,
                "barriers": x.barriers,
                "notes": x.barrier_notes,
                "meeting_preferences": x.meeting_preferences,
                "support_given": x.support_given,
                "support_amount_pence": x.support_amount_pence,
            }
            for x in Inclusion.objects.filter(young_person=membership).select_related("project")
        ],
        "join_requests": [
            {
                "project": j.project.name,
                "message": j.message,
                "status": j.status,
                "reply": j.reply,
                "created_at": j.created_at.isoformat(),
            }
            for j in JoinRequest.objects.filter(young_person=membership).select_related("project")
        ],
        "cannot_come": [
            {"date": a.session.date.isoformat(), "activity": a.session.activity}
            for a in Apology.objects.filter(young_person=membership).select_related("session")
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Ideas stay (the service's answers matter) but lose their author; counts stay right."""
    with transaction.atomic():
        for idea in Idea.objects.filter(author=membership):
            idea.group_name = idea.group_name or "A young person"
            idea.author = None
            idea.save(update_fields=["author", "group_name"])
        Inclusion.objects.filter(young_person=membership).update(
            barrier_notes="", meeting_preferences="", support_given=""
        )
        JoinRequest.objects.filter(young_person=membership).update(message="")


PROVIDER = PersonalData(
    app="projects",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "projects.stagechange": {"changed_by"},
        "projects.idea": {"owner", "recorded_by"},
        "projects.joinrequest": {"decided_by"},
    },
)
