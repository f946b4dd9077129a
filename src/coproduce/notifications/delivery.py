"""The worker's side of messages: send one, then ask Notify what became of it.

A temporary failure is tried again with growing delays (email.RETRY_DELAYS); a permanent one,
or the last try, is recorded as "failed" with the reason in plain words. A text to an
under-18 that comes due in quiet hours waits for the morning.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from coproduce.core.tenancy import all_organisations
from coproduce.notifications import channels
from coproduce.notifications.email import RETRY_DELAYS
from coproduce.notifications.models import Channel, ContactPreference, Message, Status
from coproduce.notifications.quiet import hold_until
from coproduce.notifications.selectors import settings_for

# Seconds between asking Notify what became of a message; after the last, we stop asking.
CHECK_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60, 24 * 60 * 60, 72 * 60 * 60)


@dataclass(frozen=True)
class Next:
    status: str
    retry_after: datetime.datetime | None = None


def _address(message: Message) -> str:
    """The full address, read now (the message keeps only a masked copy)."""
    if message.contact_address:
        return message.contact_address
    if message.channel == Channel.EMAIL:
        return str(message.recipient.user.email)
    found = ContactPreference.objects.filter(membership_id=message.recipient_id).first()
    return found.mobile if found else ""


def _save(message: Message, **fields: object) -> None:
    for name, value in fields.items():
        setattr(message, name, value)
    message.updated_at = timezone.now()
    with transaction.atomic():
        message.save(update_fields=[*fields, "updated_at"])


def deliver_message(message_id: int, attempt: int = 1) -> Next:
    with all_organisations():
        message = (
            Message.objects.select_related("recipient__user", "organisation")
            .filter(pk=message_id)
            .first()
        )
        if message is None or message.status not in (Status.QUEUED, Status.HELD):
            return Next("skipped")
        row = settings_for(organisation=message.organisation)
        if message.channel == Channel.SMS:
            wait = hold_until(row, message.recipient)
            if wait is not None:
                _save(message, status=Status.HELD, send_after=wait)
                return Next("held", retry_after=wait)
        address = _address(message)
        if not address:
            _save(message, status=Status.UNREACHABLE, reason="no e-mail address or mobile number")
            return Next("unreachable")
        _save(message, status=Status.SENDING, attempts=attempt)
        try:
            if message.channel == Channel.EMAIL:
                sent = channels.send_email(
                    row,
                    to=address,
                    subject=message.subject,
                    body=message.body,
                    reference=f"m{message.pk}",
                    kind=message.kind,
                )
            else:
                sent = channels.send_sms(
                    row,
                    to=address,
                    body=message.body,
                    reference=f"m{message.pk}",
                    kind=message.kind,
                )
        except channels.Temporary as problem:
            if attempt <= len(RETRY_DELAYS):
                later = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
                _save(
                    message,
                    status=Status.QUEUED,
                    reason=f"will try again: {problem.reason}"[:300],
                    send_after=later,
                )
                return Next("retry", retry_after=later)
            _save(message, status=Status.FAILED, reason=problem.reason[:300])
            return Next("failed")
        except channels.Permanent as problem:
            _save(message, status=Status.FAILED, reason=problem.reason[:300])
            return Next("failed")
        if sent.tracked:
            _save(
                message,
                status=Status.SENDING,
                provider_id=sent.provider_id,
                sent_at=timezone.now(),
                reason="",
            )
            return Next("sending")
        _save(message, status=Status.SENT, sent_at=timezone.now(), reason="")
        return Next("sent")


def check_message(message_id: int, check: int = 1) -> Next:
    """Ask Notify about a message on its way; ask again later until it is final."""
    with all_organisations():
        message = Message.objects.select_related("organisation").filter(pk=message_id).first()
        if message is None or message.status != Status.SENDING or not message.provider_id:
            return Next("skipped")
        row = settings_for(organisation=message.organisation)
        try:
            found = channels.status_of(
                row, provider_id=message.provider_id, channel=message.channel
            )
        except (channels.Temporary, channels.Permanent):
            found = None
        if found is not None:
            status, reason = found
            _save(message, status=status, reason=reason)
            return Next(status)
        if check <= len(CHECK_DELAYS):
            return Next(
                "sending",
                retry_after=timezone.now() + datetime.timedelta(seconds=CHECK_DELAYS[check - 1]),
            )
        return Next("sending")


def first_check() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=CHECK_DELAYS[0])
