"""Home panel: assessments due or overdue, and when the next round is due."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from coproduce.assessments import selectors, services
from coproduce.assessments.models import Perspective, Round
from coproduce.core.dashboard import Asking, Panel
from coproduce.core.prepared import Prepared


def _open(*, organisation: int) -> QuerySet[Round, Any]:
    return Round.objects.filter(organisation_id=organisation, closed_at__isnull=True).values("id")[
        :1
    ]


_any_open = Prepared(_open, organisation=int)


def panel(request: HttpRequest) -> Asking:
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    today = timezone.localdate()
    organisation = membership.organisation
    if membership.is_young_person:
        if not (yield _any_open.bind(organisation=organisation.pk)):
            return None  # the common case, answered without reading the rounds
        open_rounds = list(selectors.open_rounds_for(organisation=organisation))
        done = {
            a.round_id
            for a in selectors.assessments_of(membership=membership)
            if a.perspective == Perspective.YOUNG_PEOPLE and a.is_submitted
        }
        waiting = [r for r in open_rounds if r.pk not in done]
        if not waiting:
            return None
        return Panel("assessments/_panel_young.html", 20, {"rounds": waiting})
    if not membership.is_staff_member:
        return None
    # Only managers are told a framework's next round is due (counted from its last closed
    # round; a framework with a round open has nothing due).
    asks_for_next = membership.can("manage_people")
    if not asks_for_next and not (yield _any_open.bind(organisation=organisation.pk)):
        return None  # the common case, answered without reading the rounds
    open_rounds = list(selectors.open_rounds_for(organisation=organisation))
    waiting = selectors.due_among(open_rounds, membership)
    if not waiting and not asks_for_next:
        return None  # the common case: nothing to say, and no settings to read
    settings = selectors.settings_for(organisation=organisation)
    soon = today + datetime.timedelta(days=settings.reminder_days)
    due = [
        {"round": r, "overdue": r.due_on < today, "soon": today <= r.due_on <= soon}
        for r in waiting
    ]
    next_due = services.next_round_due(organisation, settings) if asks_for_next else None
    round_overdue = next_due is not None and next_due <= soon
    if not due and not round_overdue:
        return None
    return Panel(
        "assessments/_panel.html",
        20,
        {
            "due": due,
            "next_due": next_due if round_overdue else None,
            "next_overdue": bool(next_due and next_due < today),
        },
    )
