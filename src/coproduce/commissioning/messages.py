"""What commissioning sends through notifications' messages, found by `send_due_messages`.

Registered in CommissioningConfig.ready(): each panel member who has not yet read the
briefing of a round open for scoring hears once that they are on the panel; once everyone
seated has submitted their scores and the panel is quorate, its chair (or, with no chair,
the managers and admins who run rounds) hears once that it is ready to moderate.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse

from coproduce.commissioning import selectors
from coproduce.notifications.services import message_send
from coproduce.organisations.selectors import staff_for

if TYPE_CHECKING:
    from coproduce.commissioning.models import PanelMember, Round
    from coproduce.organisations.models import Membership, Organisation


def panel_briefings(organisation: Organisation, today: datetime.date) -> int:
    queued = 0
    for round_ in selectors.scoring_rounds_for(organisation=organisation):
        url = reverse("commissioning:score", args=[round_.pk])
        for seat in selectors.panel_of(round_):
            if seat.briefed_at is not None or not seat.membership.is_active:
                continue
            sent = message_send(
                organisation=organisation,
                recipient=seat.membership,
                kind="panel_briefing",
                dedupe_key=f"panel-briefing:{round_.pk}",
                context={"round": round_.title},
                url=url,
            )
            queued += sent is not None
    return queued


def _runners(round_: Round, seats: list[PanelMember]) -> list[Membership]:
    chairs = [
        s.membership
        for s in seats
        if s.is_chair and s.membership.is_active and s.membership.is_staff_member
    ]
    if chairs:
        return chairs
    organisation = round_.organisation
    return [m for m in staff_for(organisation=organisation) if selectors.can_start_rounds(m)]


def panels_ready(organisation: Organisation, today: datetime.date) -> int:
    queued = 0
    for round_ in selectors.scoring_rounds_for(organisation=organisation):
        seats = list(selectors.panel_of(round_))
        if not seats or any(s.submitted_at is None for s in seats):
            continue
        if not selectors.quorum_of(round_).quorate:
            continue
        for member in _runners(round_, seats):
            sent = message_send(
                organisation=organisation,
                recipient=member,
                kind="panel_ready",
                dedupe_key=f"panel-ready:{round_.pk}",
                context={"round": round_.title},
                url=reverse("commissioning:moderation", args=[round_.pk]),
            )
            queued += sent is not None
    return queued
