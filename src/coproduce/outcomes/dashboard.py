from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coproduce.outcomes.selectors import due_for


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Young people: a check-in is due."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_young_person:
        return None
    due = due_for(membership)
    return {"template": "outcomes/_due_panel.html", "order": 5, "due": due} if due else None
