from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.http import HttpRequest

from coproduce.commissioning.models import PanelMember, RoundStatus
from coproduce.core.dashboard import Asking, Panel
from coproduce.core.prepared import Prepared


def _waiting(*, organisation: int, member: int) -> QuerySet[PanelMember, Any]:
    return (
        PanelMember.objects.filter(
            organisation_id=organisation,
            membership_id=member,
            submitted_at__isnull=True,
            round__status=RoundStatus.SCORING,
        )
        .order_by("round__title", "round_id")
        .values("round_id", round_title=F("round__title"))
    )


_waiting_for_scores = Prepared(_waiting, organisation=int, member=int)


def panel(request: HttpRequest) -> Asking:
    """Anyone on a panel: rounds still waiting for their scores."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    seats = yield _waiting_for_scores.bind(
        organisation=membership.organisation_id, member=membership.pk
    )
    return Panel("commissioning/_panel.html", 6, {"seats": seats}) if seats else None
