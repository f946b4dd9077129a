from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coproduce.commissioning.models import PanelMember, RoundStatus


def panel(request: HttpRequest) -> dict[str, Any] | None:
    """Anyone on a panel: rounds still waiting for their scores."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    seats = list(
        PanelMember.objects.filter(
            membership=membership, submitted_at__isnull=True, round__status=RoundStatus.SCORING
        ).select_related("round")
    )
    return {"template": "commissioning/_panel.html", "order": 6, "seats": seats} if seats else None
