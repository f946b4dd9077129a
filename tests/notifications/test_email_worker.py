"""Scenario: e-mail copies of notifications leave the request. They are queued with the
notification as messages, sent by `coproduce worker` to a real SMTP server with links that
work from a mail client, tried again later when the server is away, and a refusal is shown
to staff in the one list of messages (the old list of failed e-mails leads there)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from coproduce.notifications.models import Message, Notification, Status
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


def test_a_notifications_copy_is_a_message_in_the_readers_words_with_working_links(
    smtp_port: int, young_person: Membership
) -> None:
    _tell(young_person)
    [record] = Message.objects.filter(recipient=young_person)
    assert (record.kind, record.status, record.channel) == ("notice", Status.QUEUED, "email")
    with smtp_server(smtp_port) as server:
        call_command("worker", "--once")
    [message] = server.messages
    assert message["Subject"] == "There is news about your idea"
    body = body_of(message)
    assert body.startswith("Hi Fran,") and "Decision: Adopted" in body
    assert "https://coproduce.example.gov.uk/projects/my-ideas/" in body
    record.refresh_from_db()
    assert record.status == Status.SENT


def test_it_tries_again_later_when_the_mail_server_is_away(
    smtp_port: int, young_person: Membership, admin: Membership
) -> None:
    _tell(young_person)
    call_command("worker", "--once")  # no server listening: connection refused
    [record] = Message.objects.all()
    assert record.status == Status.QUEUED and record.attempts == 1
    assert record.reason.startswith("will try again: the mail server could not take it")
    assert record.to == "f***@example.org"
    with smtp_server(smtp_port) as server:
        call_command("worker", "--once")
        assert server.messages == []  # the retry is not due yet
        later = timezone.now() + datetime.timedelta(minutes=2)
        with time_machine.travel(later, tick=False):
            call_command("worker", "--once")
    assert len(server.messages) == 1
    record.refresh_from_db()
    assert record.status == Status.SENT and record.attempts == 2 and record.reason == ""


def test_it_tries_again_after_a_4xx_reply(smtp_port: int, young_person: Membership) -> None:
    _tell(young_person)
    handler = Handler(defer={young_person.user.email})
    with smtp_server(smtp_port, handler):
        call_command("worker", "--once")
        record = Message.objects.get()
        assert record.status == Status.QUEUED and "451" in record.reason
        handler.defer.clear()
        with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
            call_command("worker", "--once")
    assert len(handler.messages) == 1


def test_a_refused_address_is_shown_to_staff_in_the_one_list_of_messages(
    smtp_port: int, young_person: Membership, admin: Membership, practitioner: Membership
) -> None:
    _tell(young_person)
    handler = Handler(refuse={young_person.user.email})
    with smtp_server(smtp_port, handler):
        call_command("worker", "--once")
        with time_machine.travel(timezone.now() + datetime.timedelta(days=2), tick=False):
            call_command("worker", "--once")
    assert handler.messages == []
    record = Message.objects.get()
    assert (record.status, record.reason) == (Status.FAILED, "e-mail address does not exist")

    html = client_for(admin).get("/notifications/sent/?status=failed").content.decode()
    assert "f***@example.org" in html and young_person.user.email not in html
    assert "e-mail address does not exist" in html and "There is news about your idea" in html
    # The old page of failed e-mails now leads to the same list.
    old = client_for(admin).get("/notifications/undelivered/")
    assert (old.status_code, old["Location"]) == (301, "/notifications/sent/?status=failed")
    assert client_for(practitioner).get("/notifications/undelivered/").status_code == 403
    assert client_for(practitioner).get("/notifications/sent/").status_code == 403


def test_it_gives_up_after_the_last_retry(smtp_port: int, young_person: Membership) -> None:
    _tell(young_person)
    moment = timezone.now()
    for _ in range(7):
        with time_machine.travel(moment, tick=False):
            call_command("worker", "--once")
        moment += datetime.timedelta(hours=7)
    record = Message.objects.get()
    assert (record.status, record.attempts) == (Status.FAILED, 6)
    assert record.reason.startswith("the mail server could not take it just now")


def test_reminders_only_queue_e_mail_so_no_mail_server_is_needed(
    smtp_port: int, practitioner: Membership
) -> None:
    """No server listens on the port: `assessment_reminders` still succeeds (it only queues)."""
    open_round(practitioner.organisation, opens_on=datetime.date(2027, 3, 1))  # due 31 March
    with time_machine.travel(datetime.datetime(2027, 3, 30, 9, tzinfo=datetime.UTC)):
        call_command("assessment_reminders")
        assert Notification.objects.filter(recipient=practitioner.user).count() == 1
        assert Message.objects.get(recipient=practitioner).status == Status.QUEUED
        call_command("worker", "--once")  # now the worker finds the server away
    assert Message.objects.get(recipient=practitioner).reason.startswith("will try again")
