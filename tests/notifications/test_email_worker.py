"""Scenario: e-mail copies of notifications leave the request. They are queued with the
notification, sent by `coproduce worker` to a real SMTP server with links that work from a
mail client, tried again later when the server is away, and a refusal is shown to staff."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from coproduce.notifications.models import EmailFailure, Message, Notification, Status
from coproduce.notifications.services import notify
from coproduce.organisations.models import Membership
from tests.assessments.helpers import open_round
from tests.conftest import client_for
from tests.notifications.smtp import Handler, body_of, free_port, smtp_server
from tests.scenarios import a_project, an_idea

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp_port(settings: Any) -> Iterator[int]:
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_TIMEOUT = 5
    settings.SITE_URL = "https://coproduce.example.gov.uk"
    yield port


@pytest.fixture
def young_person(young_person: Membership) -> Membership:
    """Fran, with an e-mail address (young people need not have one)."""
    young_person.user.email = "fran@example.org"
    young_person.user.save(update_fields=["email"])
    return young_person


def _tell(membership: Membership, key: str = "hello") -> Notification:
    notification = notify(
        organisation=membership.organisation,
        recipient=membership.user,
        kind="test",
        dedupe_key=key,
        subject=lambda: "There is news about your idea",
        body=lambda: "Decision: Adopted",
        url="/projects/my-ideas/",
    )
    assert notification is not None
    return notification


def test_it_sends_a_notification_queued_in_a_request_only_when_the_worker_runs(
    smtp_port: int, practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner, aims="Redesign Friday club")
    idea = an_idea(practitioner, club, "Open on Saturdays", young_person)
    with smtp_server(smtp_port) as server:
        page = client_for(practitioner).post(
            f"/projects/ideas/{idea.pk}/answer/",
            {"status": "adopted", "action": "Open on Saturdays from March"},
        )
        assert page.status_code == 302
        assert Notification.objects.filter(recipient=young_person.user).count() == 1
        # Idea news goes as the person chose (e-mail here), recorded as a Message.
        record = Message.objects.get(recipient=young_person)
        assert server.messages == []  # nothing left during the request
        assert record.status == Status.QUEUED

        call_command("worker", "--once")

    [message] = server.messages
    assert message["To"] == young_person.user.email
    assert message["Subject"] == "There is news about your idea"
    body = body_of(message)
    assert body.startswith("Hi Fran,")
    assert "https://coproduce.example.gov.uk/projects/my-ideas/" in body
    assert "https://coproduce.example.gov.uk/notifications/unsubscribe/?t=" in body
    record.refresh_from_db()
    assert record.status == Status.SENT and record.sent_at is not None
    call_command("worker", "--once")  # nothing left to do: sent once
    assert len(server.messages) == 1


def test_it_tries_again_later_when_the_mail_server_is_away(
    smtp_port: int, young_person: Membership, admin: Membership
) -> None:
    notification = _tell(young_person)
    call_command("worker", "--once")  # no server listening: connection refused
    [failure] = EmailFailure.objects.all()
    assert failure.will_retry and failure.attempt == 1
    assert failure.address == "f***@example.org"
    with smtp_server(smtp_port) as server:
        call_command("worker", "--once")
        assert server.messages == []  # the retry is not due yet
        later = timezone.now() + datetime.timedelta(minutes=2)
        with time_machine.travel(later, tick=False):
            call_command("worker", "--once")
    assert len(server.messages) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert EmailFailure.objects.count() == 1


def test_it_tries_again_after_a_4xx_reply(smtp_port: int, young_person: Membership) -> None:
    _tell(young_person)
    handler = Handler(defer={young_person.user.email})
    with smtp_server(smtp_port, handler):
        call_command("worker", "--once")
        [failure] = EmailFailure.objects.all()
        assert failure.will_retry
        assert failure.reason.startswith("451")
        handler.defer.clear()
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
            call_command("worker", "--once")
    assert len(handler.messages) == 1


def test_it_records_a_refused_address_for_staff_and_does_not_retry(
    smtp_port: int, young_person: Membership, admin: Membership, practitioner: Membership
) -> None:
    notification = _tell(young_person)
    handler = Handler(refuse={young_person.user.email})
    with smtp_server(smtp_port, handler):
        call_command("worker", "--once")
        with time_machine.travel(timezone.now() + datetime.timedelta(days=2), tick=False):
            call_command("worker", "--once")
    [failure] = EmailFailure.objects.all()
    assert not failure.will_retry
    assert failure.reason == "550 5.1.1 No such mailbox here"
    notification.refresh_from_db()
    assert notification.emailed_at is None

    page = client_for(admin).get("/notifications/undelivered/")
    html = page.content.decode()
    assert "E-mails that could not be sent" in html
    assert "f***@example.org" in html and young_person.user.email not in html
    assert "550 5.1.1 No such mailbox here" in html and "not sent" in html
    assert client_for(practitioner).get("/notifications/undelivered/").status_code == 403


def test_it_gives_up_after_the_last_retry(smtp_port: int, young_person: Membership) -> None:
    _tell(young_person)
    moment = timezone.now()
    for _ in range(7):
        with time_machine.travel(moment, tick=False):
            call_command("worker", "--once")
        moment += datetime.timedelta(hours=7)
    failures = list(EmailFailure.objects.order_by("attempt"))
    assert [f.attempt for f in failures] == [1, 2, 3, 4, 5, 6]
    assert [f.will_retry for f in failures] == [True] * 5 + [False]


def test_reminders_only_queue_e_mail_so_no_mail_server_is_needed(
    smtp_port: int, practitioner: Membership
) -> None:
    """No server listens on the port: `assessment_reminders` still succeeds (it only queues)."""
    open_round(practitioner.organisation, opens_on=datetime.date(2027, 3, 1))  # due 31 March
    with time_machine.travel(datetime.datetime(2027, 3, 30, 9, tzinfo=datetime.UTC)):
        call_command("assessment_reminders")
        assert Notification.objects.filter(recipient=practitioner.user).count() == 1
        assert EmailFailure.objects.count() == 0
        call_command("worker", "--once")  # now the worker finds the server away
    assert EmailFailure.objects.get().will_retry
