"""Projects' records a self-assessment example may cite as evidence.

Registered on `coproduce.assessments.citations.citable` from `ProjectsConfig.ready()`:
projects sits above assessments, so it offers its records to assessments, never the reverse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.assessments.citations import MAX_CHOICES, Citable, short
from coproduce.projects.models import Idea, Session

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def project_sessions(organisation: Organisation) -> list[Citable]:
    """The organisation's most recent sessions."""
    rows = (
        Session.objects.filter(organisation=organisation)
        .select_related("project")
        .order_by("-date", "-pk")[:MAX_CHOICES]
    )
    return [
        Citable(
            record=s,
            label=short(f"{s.project.name}: {s.activity}"),
            dated=s.date,
            kind=_("Session"),
            url=reverse("projects:detail", kwargs={"project_id": s.project_id}),
        )
        for s in rows
    ]


def you_said_we_did(organisation: Organisation) -> list[Citable]:
    """Ideas from young people that were answered and fed back ("You said – we did")."""
    rows = (
        Idea.objects.filter(organisation=organisation, response__feedback_given_on__isnull=False)
        .select_related("response", "project")
        .order_by("-response__feedback_given_on", "-pk")[:MAX_CHOICES]
    )
    found = []
    for idea in rows:
        assert idea.response is not None
        found.append(
            Citable(
                record=idea,
                label=short(
                    _("%(project)s: “%(idea)s” – %(decision)s")
                    % {
                        "project": idea.project.name if idea.project else _("Organisation"),
                        "idea": short(idea.text, 50),
                        "decision": idea.response.get_status_display(),
                    }
                ),
                dated=idea.response.feedback_given_on,
                kind=_("You said – we did"),
                url=(
                    reverse("projects:board", kwargs={"project_id": idea.project_id})
                    if idea.project_id
                    else reverse("projects:organisation_board")
                ),
            )
        )
    return found
