from __future__ import annotations

from collections.abc import Callable

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from coproduce.accounts.models import User
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Organisation


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
    except IntegrityError:
        return None
    if email and recipient.email:
        transaction.on_commit(lambda: _send_email(notification.pk))
    return notification


def _send_email(notification_id: int) -> None:
    from coproduce.core.tenancy import all_organisations

    with all_organisations():
        notification = Notification.objects.select_related("recipient").get(pk=notification_id)
        send_mail(
            notification.subject,
            f"{notification.body}\n\n{notification.url}".strip(),
            None,
            [notification.recipient.email],
        )
        Notification.objects.filter(pk=notification_id).update(emailed_at=timezone.now())


def notifications_mark_read(*, recipient: User, organisation: Organisation) -> int:
    return Notification.objects.filter(
        organisation=organisation, recipient=recipient, read_at__isnull=True
    ).update(read_at=timezone.now())
