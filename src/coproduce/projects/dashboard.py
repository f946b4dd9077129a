from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Case, Count, When, Window
from django.http import HttpRequest
from django.utils import timezone

from coproduce.projects.selectors import ideas_of, overdue_ideas, stuck_projects

SHOWN = 8  # a phone screen's worth; the count says how many in all


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Staff: ideas whose feedback is overdue, the owner's own first."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    ideas = overdue_ideas(organisation=membership.organisation, today=timezone.localdate())
    # The total comes with the first eight (a window count), so one query serves both.
    shown = list(
        ideas.select_related(None)
        .select_related("project")
        .only("id", "text", "due_on", "project__name")
        .annotate(total=Window(Count("pk")))
        .order_by(Case(When(owner=membership, then=0), default=1), "due_on", "pk")[:SHOWN]
    )
    if not shown:
        return None
    return {
        "template": "projects/_overdue_panel.html",
        "order": 10,
        "overdue": shown,
        "count": shown[0].total,
    }


def my_ideas_panel(request: HttpRequest) -> dict[str, Any] | None:
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_young_person:
        return None
    ideas = list(ideas_of(membership=membership).order_by("-created_at")[:3])
    return (
        {"template": "projects/_my_ideas_panel.html", "order": 10, "ideas": ideas}
        if ideas
        else None
    )


STUCK_AFTER = datetime.timedelta(weeks=6)


def stuck_panel(request: HttpRequest) -> dict[str, Any] | None:
    """Staff: projects that have not moved on from a stage for six weeks."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    stuck = list(
        stuck_projects(organisation=membership.organisation, now=timezone.now(), after=STUCK_AFTER)
    )
    if not stuck:
        return None
    return {
        "template": "projects/_stuck_panel.html",
        "order": 12,
        "stuck": stuck[:SHOWN],
        "count": len(stuck),
    }
