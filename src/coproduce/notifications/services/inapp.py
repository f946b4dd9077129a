from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from coproduce.notifications.models import Notification
from coproduce.notifications.services.messages import message_send
from coproduce.notifications.tasks import send_notification_email
from coproduce.organisations.selectors import active_membership_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


# Notifications whose copy goes as an e-mail or text by the person's choice (texts.KINDS),
# switchable per organisation, instead of the plain e-mail copy.
MESSAGE_KINDS = {"idea.status": "idea_news", "credits.milestone": "credits_earned"}


def notify(
    *,
    organisation: Organisation,
    recipient: User,
    kind: str,
    dedupe_key: str,
    subject: Callable[[], str],
    body: Callable[[], str] = lambda: "",
    url: str = "",
    email: bool = True,
) -> Notification | None:
    """Tell one person something, once per `dedupe_key`; e-mail a copy if they have an address.

    `subject` and `body` are callables so they are translated in the recipient's language
    (pass e.g. `lambda: gettext("Your idea has an answer")`). Returns None when already sent.
    The e-mail is queued in the same transaction (so it goes only if the notification is
    kept) and sent by `coproduce worker`, never inside the request.
    """
    with translation.override(recipient.language):
        subject_text, body_text = str(subject()), str(body())
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                organisation=organisation,
                recipient=recipient,
                kind=kind,
                dedupe_key=dedupe_key,
                subject=subject_text[:200],
                body=body_text,
                url=url,
            )
            membership = (
                active_membership_of(recipient, organisation_id=organisation.pk)
                if email and kind in MESSAGE_KINDS
                else None
            )
            if membership is not None:
                message_send(
                    organisation=organisation,
                    recipient=membership,
                    kind=MESSAGE_KINDS[kind],
                    dedupe_key=dedupe_key,
                    url=url,
                )
            elif email and recipient.email:
                send_notification_email.enqueue(notification.pk)
    except IntegrityError:
        return None
    return notification


def notifications_mark_read(*, recipient: User, organisation: Organisation) -> int:
    return Notification.objects.filter(
        organisation=organisation, recipient=recipient, read_at__isnull=True
    ).update(read_at=timezone.now())
