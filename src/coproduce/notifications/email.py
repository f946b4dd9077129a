"""E-mail copies of notifications, sent by the worker rather than inside a request.

A temporary failure (no connection, a 4xx reply) is tried again later, with growing
delays; a permanent one (a 5xx reply) is not. Every failure is recorded for staff.
"""

from __future__ import annotations

import datetime
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from coproduce.core.tenancy import all_organisations
from coproduce.notifications.models import EmailFailure, Notification

# Seconds to wait before attempt 2, 3, …; after the last, a temporary failure is final.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60)


@dataclass(frozen=True)
class Outcome:
    status: str  # "sent", "skipped", "retry" or "failed"
    retry_after: datetime.datetime | None = None


def absolute(url: str) -> str:
    """A link that works from a mail client: relative paths get SITE_URL in front."""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def mask(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def is_temporary(error: OSError) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPConnectError):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    # A dropped connection may come back; a refused command will not. Any other OSError
    # (connection refused, reset, timed out) is the server being away for now.
    return isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(
        error, smtplib.SMTPException
    )


def _reason(error: OSError, address: str) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = [
            f"{code} {message.decode(errors='replace')}"
            for code, message in error.recipients.values()
        ]
        text = "; ".join(replies)
    elif isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        text = f"{error.smtp_code} {message.decode(errors='replace') if isinstance(message, bytes) else message}"
    else:
        text = f"{type(error).__name__}: {error}"
    return text.replace(address, mask(address))[:300]


def message_for(notification: Notification) -> EmailMessage:
    body = f"{notification.body}\n\n{absolute(notification.url)}".strip()
    return EmailMessage(notification.subject, body, to=[notification.recipient.email])


def deliver(notification_id: int, attempt: int = 1) -> Outcome:
    """Send one notification's e-mail copy (once), recording a failure if it cannot go."""
    with all_organisations():
        notification = (
            Notification.objects.select_related("recipient").filter(pk=notification_id).first()
        )
        if notification is None or notification.emailed_at or not notification.recipient.email:
            return Outcome("skipped")
        address = notification.recipient.email
        try:
            message_for(notification).send()
        except OSError as error:  # smtplib's errors are OSErrors too
            retry = is_temporary(error) and attempt <= len(RETRY_DELAYS)
            EmailFailure.objects.create(
                organisation_id=notification.organisation_id,
                notification=notification,
                address=mask(address),
                reason=_reason(error, address),
                attempt=attempt,
                will_retry=retry,
            )
            if retry:
                delay = datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
                return Outcome("retry", retry_after=timezone.now() + delay)
            return Outcome("failed")
        with transaction.atomic():
            Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())
        return Outcome("sent")
