"""Where a message leaves the product: GOV.UK Notify, an SMTP server, or the console.

An organisation with a Notify API key (its own, or the product's NOTIFY_API_KEY) sends
e-mail and texts through Notify, using its template for the kind of message, else its
template for the channel, else the product's default templates (one e-mail template with
((subject)) and ((body)), one text template with ((body)); a kind's template gets the same).
Without Notify, e-mail goes through Django's EMAIL_BACKEND (SMTP, or the console in
development) and texts are printed to the console in development only.

Errors come back as `Temporary` (try again later) or `Permanent` (recorded, not retried),
each with a reason in plain words for staff.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMessage
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from coproduce.accounts.keys import InvalidToken, decrypt
from coproduce.notifications.email import is_temporary

if TYPE_CHECKING:
    from coproduce.notifications.models import MessageSettings

logger = logging.getLogger(__name__)


class Temporary(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Permanent(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Sent:
    provider_id: str = ""  # Notify's id, to ask later what became of it
    tracked: bool = False  # True when the provider will tell us "delivered" or "failed"


def api_key_of(row: MessageSettings) -> str:
    if row.notify_api_key_encrypted:
        try:
            return decrypt(row.notify_api_key_encrypted)
        except InvalidToken as error:
            raise Permanent(
                "the organisation's Notify key cannot be read: enter it again"
            ) from error
    return str(getattr(settings, "NOTIFY_API_KEY", "") or "")


def notify_client(row: MessageSettings) -> NotificationsAPIClient | None:
    key = api_key_of(row)
    if not key:
        return None
    return NotificationsAPIClient(  # type: ignore[no-untyped-call]
        key, base_url=settings.NOTIFY_BASE_URL, timeout=10
    )


def _plain(error: APIError) -> str:
    """Notify's refusal in plain words ("phone number is not a UK mobile number")."""
    message = error.message
    if isinstance(message, list):
        message = "; ".join(str(m.get("message", m)) for m in message if isinstance(m, dict))
    text = str(message)
    if error.status_code == 403:
        return "Notify did not accept the API key: check it in message settings"
    if "phone_number" in text or "phone number" in text.lower():
        return "phone number is not a valid mobile number"
    if "email_address" in text:
        return "e-mail address is not valid"
    if "template" in text.lower():
        return "the Notify template was not found: check the template ID"
    return f"Notify refused it: {text}"[:300]


def _call_notify(call: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        answer: dict[str, Any] = call(**kwargs)
    except APIError as error:
        # 429 (too many), 5xx and a lost connection (the client says 503) may pass.
        if error.status_code == 429 or error.status_code >= 500:
            raise Temporary(f"Notify could not take it just now ({error.status_code})") from error
        raise Permanent(_plain(error)) from error
    return answer


def template_for(row: MessageSettings, *, kind: str, channel: str) -> str:
    """The Notify template for this kind of message: the organisation's for the kind, else its
    template for the channel, else the product's default template for the channel."""
    for_kind = (row.kind_templates or {}).get(kind) or {}
    if channel == "sms":
        default = row.sms_template_id or settings.NOTIFY_SMS_TEMPLATE_ID
    else:
        default = row.email_template_id or settings.NOTIFY_EMAIL_TEMPLATE_ID
    return str(for_kind.get(channel) or default) if isinstance(for_kind, dict) else default


def send_email(
    row: MessageSettings, *, to: str, subject: str, body: str, reference: str, kind: str = ""
) -> Sent:
    client = notify_client(row)
    if client is not None:
        answer = _call_notify(
            client.send_email_notification,
            email_address=to,
            template_id=template_for(row, kind=kind, channel="email"),
            personalisation={"subject": subject, "body": body},
            reference=reference,
        )
        return Sent(provider_id=str(answer["id"]), tracked=True)
    try:
        EmailMessage(subject, body, to=[to]).send()
    except OSError as error:
        if is_temporary(error):
            raise Temporary(f"the mail server could not take it just now ({error})") from error
        if isinstance(error, smtplib.SMTPRecipientsRefused):
            raise Permanent("e-mail address does not exist") from error
        raise Permanent(f"the mail server refused it ({error})"[:300]) from error
    return Sent()


def send_sms(row: MessageSettings, *, to: str, body: str, reference: str, kind: str = "") -> Sent:
    client = notify_client(row)
    if client is not None:
        answer = _call_notify(
            client.send_sms_notification,
            phone_number=to,
            template_id=template_for(row, kind=kind, channel="sms"),
            personalisation={"body": body},
            reference=reference,
        )
        return Sent(provider_id=str(answer["id"]), tracked=True)
    if settings.SMS_TO_CONSOLE:
        logger.warning("Text message to %s: %s", to[-3:].rjust(len(to), "*"), body)
        print(f"Text message to {to}:\n{body}\n")
        return Sent()
    raise Permanent("no text message service is connected: add a Notify key")


# Notify's statuses (https://docs.notifications.service.gov.uk/python.html#status-email),
# as (our status, reason in plain words).
FINAL = {
    "delivered": ("delivered", ""),
    "sent": ("delivered", ""),  # an international text handed to the phone network
    "permanent-failure": ("failed", "{address} does not exist"),
    "temporary-failure": ("failed", "{temporary}"),
    "technical-failure": ("failed", "a technical problem at Notify: it was not sent"),
    "validation-failed": ("failed", "Notify could not read the file"),
}
TEMPORARY = {
    "email": "the inbox was full or the mail server did not answer for 3 days",
    "sms": "the phone was off or out of signal for 3 days",
}
ADDRESS = {"email": "e-mail address", "sms": "phone number"}


def status_of(row: MessageSettings, *, provider_id: str, channel: str) -> tuple[str, str] | None:
    """What Notify says became of a message: (status, reason), or None while it is on its way."""
    client = notify_client(row)
    if client is None:
        raise Permanent("no Notify key to ask what became of it")
    answer = _call_notify(client.get_notification_by_id, id=provider_id)
    found = FINAL.get(str(answer.get("status", "")))
    if found is None:
        return None
    status, reason = found
    return status, reason.format(address=ADDRESS[channel], temporary=TEMPORARY[channel])
