from __future__ import annotations

from django.db.models import Count, Window
from django.http import HttpRequest

from coproduce.core.dashboard import NO_QUESTIONS, Asking, Panel
from coproduce.outcomes.selectors import due


def panel(request: HttpRequest) -> Asking:
    """Young people: a check-in is due."""
    yield from NO_QUESTIONS
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_young_person:
        return None
    # A few links on the home page, counted with the rest in the same query; the check-ins
    # page lists them all.
    shown = list(due(membership).annotate(total=Window(Count("pk")))[:SHOWN])
    if not shown:
        return None
    return Panel("outcomes/_due_panel.html", 5, {"due": shown, "more": shown[0].total - SHOWN})


SHOWN = 3
