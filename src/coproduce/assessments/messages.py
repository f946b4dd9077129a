"""What assessments sends through notifications' messages, found by `send_due_messages`.

Registered in AssessmentsConfig.ready(): a young person hears once per round that a check-in
is waiting for them (until they have answered), and admins and managers hear once when a
framework's next round is due (`reminder_days` before). The round-due key is the one
`assessment_reminders` gives its notice, so whichever command runs first, it goes once.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse

from coproduce.assessments import selectors
from coproduce.assessments.services import next_rounds_due
from coproduce.notifications.services import message_send
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import staff_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def assessments_waiting(organisation: Organisation, today: datetime.date) -> int:
    queued = 0
    url = reverse("assessments:index")
    for round_, people in selectors.young_people_waiting(organisation=organisation, today=today):
        for person in people:
            sent = message_send(
                organisation=organisation,
                recipient=person,
                kind="assessment_waiting",
                dedupe_key=f"assessment-waiting:{round_.pk}",
                context={"round": round_.name},
                url=url,
            )
            queued += sent is not None
    return queued


def rounds_due(organisation: Organisation, today: datetime.date) -> int:
    window = datetime.timedelta(
        days=selectors.settings_for(organisation=organisation).reminder_days
    )
    due = [n for n in next_rounds_due(organisation) if today >= n.due_on - window]
    if not due:
        return 0
    managers = [
        m for m in staff_for(organisation=organisation) if m.role in (Role.ADMIN, Role.MANAGER)
    ]
    queued = 0
    for next_round in due:
        for member in managers:
            sent = message_send(
                organisation=organisation,
                recipient=member,
                kind="round_due",
                dedupe_key=f"assessment-round-due:{next_round.due_on.isoformat()}:{member.pk}",
                context={"framework": next_round.framework.name, "date": next_round.due_on},
                url=reverse("assessments:round_open"),
            )
            queued += sent is not None
    return queued
