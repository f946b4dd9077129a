from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from coproduce.core.tenancy import all_organisations
from coproduce.notifications.models import Message, Notification
from coproduce.notifications.services.messages import message_send
from coproduce.organisations.selectors import active_membership_of, language_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


# Notifications whose copy has its own wording (texts.KINDS), switchable per organisation;
# any other notification's copy goes as a "notice" (its subject and body, as written).
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
    """Tell one person something, once per `dedupe_key`, with a copy by e-mail or text.

    `subject` and `body` are callables so they are translated in the recipient's language
    (pass e.g. `lambda: gettext("Your idea has an answer")`). Returns None when already sent.
    The copy is a `Message` (by the person's chosen channel, in the sent list staff see),
    queued in the same transaction (so it goes only if the notification is kept) and sent
    by `coproduce worker`, never inside the request. `email=False`: no copy.
    """
    membership = active_membership_of(recipient, organisation_id=organisation.pk)
    # Their own choice of language, else their organisation's default.
    language = (
        language_of(membership)
        if membership is not None
        else recipient.language or organisation.default_language
    )
    with translation.override(language):
        subject_text, body_text = str(subject()), str(body())
    if not email:
        membership = None
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
            if membership is not None:
                message_send(
                    organisation=organisation,
                    recipient=membership,
                    kind=MESSAGE_KINDS.get(kind, "notice"),
                    dedupe_key=dedupe_key,
                    context={"subject": subject_text, "text": body_text or subject_text},
                    url=url,
                )
    except IntegrityError:
        return None
    return notification


def notification_copy_queue(*, notification_id: int) -> Message | None:
    """A notification whose e-mail was queued before copies became Messages: queue its copy
    as a Message now (once), so it is sent and shows in the sent list."""
    with all_organisations():
        notification = (
            Notification.objects.select_related("recipient", "organisation")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None:
            return None
        membership = active_membership_of(
            notification.recipient, organisation_id=notification.organisation_id
        )
        if membership is None:
            return None
        return message_send(
            organisation=notification.organisation,
            recipient=membership,
            kind=MESSAGE_KINDS.get(notification.kind, "notice"),
            dedupe_key=notification.dedupe_key,
            context={
                "subject": notification.subject,
                "text": notification.body or notification.subject,
            },
            url=notification.url,
        )


def notifications_mark_read(*, recipient: User, organisation: Organisation) -> int:
    return Notification.objects.filter(
        organisation=organisation, recipient=recipient, read_at__isnull=True
    ).update(read_at=timezone.now())
