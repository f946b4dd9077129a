"""Background tasks (django-tasks): run by `coproduce worker`, never inside a request."""

from __future__ import annotations

from django_tasks import task

from coproduce.notifications.email import deliver


@task()
def send_notification_email(notification_id: int, attempt: int = 1) -> str:
    outcome = deliver(notification_id, attempt)
    if outcome.retry_after is not None:
        send_notification_email.using(run_after=outcome.retry_after).enqueue(
            notification_id, attempt + 1
        )
    return outcome.status
