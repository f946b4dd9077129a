from __future__ import annotations

from django.http import HttpRequest

from coproduce.core.dashboard import NO_QUESTIONS, Asking, Panel
from coproduce.outcomes.selectors import due_for


def panel(request: HttpRequest) -> Asking:
    """Young people: a check-in is due."""
    yield from NO_QUESTIONS
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_young_person:
        return None
    due = due_for(membership)
    if not due:
        return None
    # A few links on the home page; the check-ins page lists them all.
    return Panel("outcomes/_due_panel.html", 5, {"due": due[:SHOWN], "more": len(due) - SHOWN})


SHOWN = 3
