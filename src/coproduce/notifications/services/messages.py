"""E-mail and text messages to one person: queued here, sent by the worker.

`message_send` is the one way in. It writes the message in the reader's language, by the
channel they chose, once per `dedupe_key`, and queues it for `coproduce worker`; a text to
an under-18 in quiet hours waits until the morning; a person with no contact details gets
an "unreachable" record staff can see instead of nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.audit.services import audit_record
from coproduce.notifications.email import absolute, mask
from coproduce.notifications.models import Channel, Message, Status
from coproduce.notifications.quiet import hold_until
from coproduce.notifications.selectors import preference_of, settings_for
from coproduce.notifications.tasks import send_message
from coproduce.notifications.texts import KINDS, UNSUBSCRIBE, Value, render, wording_language
from coproduce.organisations.selectors import language_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


@dataclass(frozen=True)
class Contact:
    """Someone who is not a member (a parent or carer) and how to reach them.

    `channel` is "email" or "sms"; blank means e-mail when there is an address, else text.
    """

    first_name: str = ""
    email: str = ""
    mobile: str = ""
    language: str = "en-gb"
    channel: str = ""


def first_name_of(user: User) -> str:
    """The name they go by, first word only: nothing else personal goes in a text."""
    name = user.preferred_name or user.first_name or ""
    return name.split()[0] if name.split() else ""


def mask_mobile(number: str) -> str:
    return "*" * max(len(number) - 3, 0) + number[-3:]


def _reach(recipient: Membership, contact: Contact | None) -> tuple[str, str, str, str] | None:
    """(channel, address, first name, language), or None if they chose no messages."""
    if contact is not None:
        wanted = contact.channel or (Channel.EMAIL if contact.email else Channel.SMS)
        email, mobile = contact.email, contact.mobile
        name, language = contact.first_name, contact.language
    else:
        user, preference = recipient.user, preference_of(recipient)
        wanted, email, mobile = preference.channel, user.email, preference.mobile
        # Their own choice of language, else their organisation's default.
        name, language = first_name_of(user), language_of(recipient)
    if wanted == Channel.NONE:
        return None
    # Their choice first; the other way if that one is missing; else no way at all.
    if wanted == Channel.SMS:
        order = [(Channel.SMS, mobile), (Channel.EMAIL, email)]
    else:
        order = [(Channel.EMAIL, email), (Channel.SMS, mobile)]
    channel, address = next(((c, a) for c, a in order if a), (wanted, ""))
    return str(channel), address, name, language


def message_send(
    *,
    organisation: Organisation,
    recipient: Membership,
    kind: str,
    dedupe_key: str,
    context: Mapping[str, Value] | None = None,
    url: str = "",
    contact: Contact | None = None,
    acting_user: User | None = None,
) -> Message | None:
    """Queue one message to `recipient` (or to `contact`, e.g. their parent), once per key.

    `kind` is one of `texts.KINDS`; `context` fills its placeholders (dates and times are
    written out in the reader's language); `url` may be relative (SITE_URL goes in front).
    Returns None when the organisation has this kind switched off, the person chose no
    messages, or the message was already queued with this `dedupe_key`.
    """
    row = settings_for(organisation=organisation)
    switch = KINDS[kind].switch
    if switch and not getattr(row, switch):
        return None
    if recipient.organisation_id == organisation.pk:
        recipient.organisation = organisation  # the same row: no query for its default language
    reach = _reach(recipient, contact)
    if reach is None:
        return None
    channel, address, first_name, language_code = reach
    language = wording_language(language_code)
    link = absolute(url) if url else ""
    subject, body, sms = render(
        kind, language, {"first_name": first_name, "url": link, **(context or {})}
    )
    if channel == Channel.EMAIL and contact is None:
        from coproduce.notifications.services.preferences import unsubscribe_token

        stop = absolute(f"{reverse('notifications:unsubscribe')}?t={unsubscribe_token(recipient)}")
        body = f"{body}\n\n{UNSUBSCRIBE[language].format(link=stop)}"
    status, reason, send_after = Status.QUEUED, "", None
    if not address:
        status, reason = Status.UNREACHABLE, "no e-mail address or mobile number"
    elif channel == Channel.SMS and contact is None:
        send_after = hold_until(row, recipient)
        if send_after is not None:
            status = Status.HELD
    message = Message(
        organisation=organisation,
        recipient=recipient,
        channel=channel,
        kind=kind,
        dedupe_key=dedupe_key,
        to=(mask(address) if channel == Channel.EMAIL else mask_mobile(address)),
        contact_address=address if contact is not None else "",
        subject=subject[:200] if channel == Channel.EMAIL else "",
        body=body if channel == Channel.EMAIL else sms,
        url=link[:500],
        status=status,
        reason=reason,
        send_after=send_after,
    )
    try:
        with transaction.atomic():
            message.full_clean(validate_constraints=False)
            message.save()
            audit_record(
                acting_user=acting_user,
                organisation=organisation,
                verb="message.queue",
                target=message,
                details={"kind": kind, "channel": channel, "status": status},
            )
            if status != Status.UNREACHABLE:
                task = send_message.using(run_after=send_after) if send_after else send_message
                task.enqueue(message.pk)
    except IntegrityError:
        return None
    return message


def message_status_record(
    *, provider_id: str, status: str, reason: str = "", acting_user: User | None = None
) -> Message | None:
    """What the provider says became of a message (a Notify callback): final once recorded."""
    from coproduce.core.tenancy import all_organisations

    with all_organisations(), transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .filter(provider_id=provider_id, status__in=[Status.SENDING, Status.SENT])
            .first()
        )
        if message is None or not provider_id:
            return None
        message.status, message.reason = status, reason[:300]
        message.updated_at = timezone.now()
        message.save(update_fields=["status", "reason", "updated_at"])
        audit_record(
            acting_user=acting_user,
            organisation=message.organisation,
            verb="message.status",
            target=message,
            changed_fields=["status"],
            details={"status": status},
        )
    return message
