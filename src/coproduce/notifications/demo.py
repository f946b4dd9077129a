"""Demo messages: Fran has a delivered invitation, a reminder waiting in the queue, and a
consent request to her parent that failed because the phone number does not exist."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from coproduce.notifications.models import Message, Status
from coproduce.notifications.services import Contact, contact_preference_set, message_send

if TYPE_CHECKING:
    from coproduce.core.demo import DemoContext


def load(ctx: DemoContext) -> None:
    fran = ctx.people.get("young")
    if fran is None:
        return
    contact_preference_set(
        acting_user=fran.user, membership=fran, channel="sms", mobile="07700 900123"
    )
    day = ctx.today + datetime.timedelta(days=1)
    invitation = message_send(
        organisation=ctx.organisation,
        recipient=fran,
        kind="session_invitation",
        dedupe_key="demo:invitation",
        context={"activity": "Youth Forum", "date": day, "time": datetime.time(18, 0)},
        url="/projects/",
    )
    reminder = message_send(
        organisation=ctx.organisation,
        recipient=fran,
        kind="session_reminder",
        dedupe_key="demo:reminder",
        context={"activity": "Youth Forum", "date": day, "time": datetime.time(18, 0)},
    )
    consent = message_send(
        organisation=ctx.organisation,
        recipient=fran,
        kind="consent_request",
        dedupe_key="demo:consent",
        context={"child_first_name": "Fran", "organisation": ctx.organisation.name, "days": 14},
        url="/",
        contact=Contact(first_name="", mobile="+447700900999", channel="sms"),
    )
    now = timezone.now()
    # What GOV.UK Notify would have reported for two of them (the demo sends nothing).
    if invitation is not None:
        Message.objects.filter(pk=invitation.pk).update(
            status=Status.DELIVERED, sent_at=now, provider_id="demo-1", updated_at=now
        )
    if consent is not None:
        Message.objects.filter(pk=consent.pk).update(
            status=Status.FAILED,
            reason="phone number does not exist",
            sent_at=now,
            provider_id="demo-2",
            updated_at=now,
        )
    _ = reminder  # stays queued until `coproduce worker` runs
