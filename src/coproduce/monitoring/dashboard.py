from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coproduce.monitoring.commissioner import shared_with


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Commissioners: the organisations sharing their reports (or that none does yet)."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.can("observe"):
        return None
    return {
        "template": "monitoring/_commissioner_panel.html",
        "order": 1,
        "shared": shared_with(membership.user),
    }
