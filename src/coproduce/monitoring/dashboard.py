from __future__ import annotations

from django.http import HttpRequest

from coproduce.core.dashboard import NO_QUESTIONS, Asking, Panel
from coproduce.monitoring.commissioner import shared_with


def panel(request: HttpRequest) -> Asking:
    """Commissioners: the organisations sharing their reports (or that none does yet)."""
    yield from NO_QUESTIONS
    membership = getattr(request, "membership", None)
    if membership is None or not membership.can("observe"):
        return None
    return Panel("monitoring/_commissioner_panel.html", 1, {"shared": shared_with(membership.user)})
