"""Background tasks (django-tasks): run by `coproduce worker`, never inside a request."""

from __future__ import annotations

from django_tasks import task

from coproduce.notifications import delivery


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    """Kept for tasks queued before copies became Messages: queues the copy as a Message."""
    from coproduce.notifications.services.inapp import notification_copy_queue

    return "queued" if notification_copy_queue(notification_id=notification_id) else "skipped"


@task()
def send_message(message_id: int, attempt: int = 1) -> str:
    """Send one e-mail or text message; try again later, or wait for the morning."""
    outcome = delivery.deliver_message(message_id, attempt)
    if outcome.retry_after is not None:
        again = attempt if outcome.status == "held" else attempt + 1
        send_message.using(run_after=outcome.retry_after).enqueue(message_id, again)
    elif outcome.status == "sending":
        check_message.using(run_after=delivery.first_check()).enqueue(message_id, 1)
    return outcome.status


@task()
def check_message(message_id: int, check: int = 1) -> str:
    """Ask Notify whether a message was delivered; ask again later while it is on its way."""
    outcome = delivery.check_message(message_id, check)
    if outcome.retry_after is not None:
        check_message.using(run_after=outcome.retry_after).enqueue(message_id, check + 1)
    return outcome.status
