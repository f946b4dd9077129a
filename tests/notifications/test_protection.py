"""Scenario: people choose how they hear from us and are protected: no texts to under-18s
at night, nothing sent twice, Welsh speakers read Welsh, an e-mail can be stopped from the
link inside it, and an organisation can switch a kind of message off."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.management import call_command

from coproduce.notifications.models import ContactPreference, Message, Status
from coproduce.notifications.services import message_send, message_settings_update
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.notifications.helpers import tell, wants_texts
from tests.notifications.notify_server import Notify
from tests.notifications.smtp import body_of, free_port, smtp_server

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = datetime.timezone(datetime.timedelta(0))  # March: London is on GMT
LATE = datetime.datetime(2027, 3, 10, 22, 30, tzinfo=LONDON)


@pytest.fixture
def smtp(settings: Any) -> Iterator[int]:
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.SITE_URL = "https://coproduce.example.gov.uk"
    settings.NOTIFY_API_KEY = ""
    yield port


def test_it_holds_texts_to_under_18s_until_the_morning(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    wants_texts(young_person)
    wants_texts(practitioner, mobile="07700 900456")
    with time_machine.travel(LATE, tick=False):
        held = tell(young_person)
        adult = tell(practitioner)
        assert held.status == Status.HELD
        assert held.send_after == datetime.datetime(2027, 3, 11, 8, 0, tzinfo=LONDON)
        call_command("worker", "--once")
    assert [s["phone_number"] for s in notify.sent] == ["+447700900456"]  # adults: at once
    adult.refresh_from_db()
    assert adult.status == Status.SENDING
    with time_machine.travel(datetime.datetime(2027, 3, 11, 7, 59, tzinfo=LONDON), tick=False):
        call_command("worker", "--once")
    assert len(notify.sent) == 1
    with time_machine.travel(datetime.datetime(2027, 3, 11, 8, 1, tzinfo=LONDON), tick=False):
        call_command("worker", "--once")
    assert [s["phone_number"] for s in notify.sent] == ["+447700900456", "+447700900123"]


def test_the_organisation_sets_the_quiet_hours(
    notify: Notify, young_person: Membership, admin: Membership
) -> None:
    message_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        quiet_from=datetime.time(23, 0),
        quiet_until=datetime.time(7, 0),
    )
    wants_texts(young_person)
    with time_machine.travel(LATE, tick=False):
        assert tell(young_person).status == Status.QUEUED
    with time_machine.travel(LATE + datetime.timedelta(hours=1), tick=False):
        message = tell(young_person, key="other")
    assert message.send_after == datetime.datetime(2027, 3, 11, 7, 0, tzinfo=LONDON)


def test_it_sends_nothing_twice(notify: Notify, young_person: Membership) -> None:
    wants_texts(young_person)
    with time_machine.travel(datetime.datetime(2027, 3, 10, 14, tzinfo=LONDON), tick=False):
        assert tell(young_person, key="idea:1:adopted") is not None
        again = message_send(
            organisation=young_person.organisation,
            recipient=young_person,
            kind="idea_news",
            dedupe_key="idea:1:adopted",
        )
        assert again is None
        call_command("worker", "--once")
        call_command("worker", "--once")
    assert len(notify.sent) == 1
    assert Message.objects.count() == 1


def test_the_weekly_digest_goes_once_however_often_the_command_runs(
    notify: Notify, young_person: Membership, practitioner: Membership, admin: Membership
) -> None:
    monday = datetime.datetime(2027, 3, 8, 9, tzinfo=LONDON)
    with time_machine.travel(monday, tick=False):
        tell(young_person)  # unreachable: no e-mail or mobile, so the digest has a line
        call_command("send_due_messages", "--dry-run")
        assert not Message.objects.filter(kind="staff_digest").exists()
        call_command("send_due_messages")
        call_command("send_due_messages")
        digests = Message.objects.filter(kind="staff_digest")
        assert sorted(d.recipient_id for d in digests) == sorted([practitioner.pk, admin.pk])
        [digest] = digests.filter(recipient=practitioner)
        assert "1 young person has no e-mail or mobile number" in digest.body
        call_command("worker", "--once")
    assert len(notify.to(practitioner.user.email)) == 1
    with time_machine.travel(monday + datetime.timedelta(days=1), tick=False):
        call_command("send_due_messages")  # not Monday: nothing due
    assert Message.objects.filter(kind="staff_digest").count() == 2


def test_welsh_speakers_get_welsh_texts_and_e_mails(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    young_person.user.language = "cy"
    young_person.user.save(update_fields=["language"])
    wants_texts(young_person)
    practitioner.user.language = "cy"
    practitioner.user.save(update_fields=["language"])
    with time_machine.travel(datetime.datetime(2027, 3, 10, 14, tzinfo=LONDON), tick=False):
        tell(young_person)
        message_send(
            organisation=practitioner.organisation,
            recipient=practitioner,
            kind="session_invitation",
            dedupe_key="session:4",
            context={
                "activity": "Fforwm Ieuenctid",
                "date": datetime.date(2027, 3, 13),
                "time": datetime.time(18, 0),
            },
            url="/projects/",
        )
        call_command("worker", "--once")
    [text] = notify.to("+447700900123")
    assert text["personalisation"]["body"].startswith("Helo Fran, mae newyddion am eich syniad")
    [mail] = notify.to(practitioner.user.email)
    assert mail["personalisation"]["subject"] == (
        "Gwahoddiad: Fforwm Ieuenctid ar Dydd Sadwrn 13 Mawrth"
    )
    assert " am 18:00" in mail["personalisation"]["body"]
    assert "Ddim eisiau'r negeseuon e-bost hyn?" in mail["personalisation"]["body"]


def test_a_person_chooses_text_or_neither(young_person: Membership) -> None:
    client = client_for(young_person)
    page = client.get("/notifications/preferences/")
    assert page.status_code == 200 and "How we send you messages" in page.content.decode()
    missing = client.post("/notifications/preferences/", {"channel": "sms", "mobile": ""})
    assert "Enter a mobile number so we can send you texts" in missing.content.decode()
    wrong = client.post("/notifications/preferences/", {"channel": "sms", "mobile": "12345"})
    assert "Enter a UK mobile number" in wrong.content.decode()
    saved = client.post(
        "/notifications/preferences/", {"channel": "sms", "mobile": "07700 900 123"}
    )
    assert saved.status_code == 302
    preference = ContactPreference.objects.get(membership=young_person)
    assert (preference.channel, preference.mobile) == ("sms", "+447700900123")
    client.post("/notifications/preferences/", {"channel": "none", "mobile": ""})
    assert (
        message_send(
            organisation=young_person.organisation,
            recipient=young_person,
            kind="idea_news",
            dedupe_key="quiet please",
        )
        is None
    )


def test_the_link_in_an_e_mail_stops_e_mails(smtp: int, practitioner: Membership) -> None:
    tell(practitioner)
    with smtp_server(smtp) as server:
        call_command("worker", "--once")
    [mail] = server.messages
    found = re.search(
        r"https://coproduce\.example\.gov\.uk(/notifications/unsubscribe/\?t=\S+)", body_of(mail)
    )
    assert found is not None
    from django.test import Client

    visitor = Client()
    page = visitor.get(found.group(1))
    assert (
        page.status_code == 200
        and "Do you want us to stop sending you e-mails?" in page.content.decode()
    )
    token = found.group(1).split("t=", 1)[1]
    done = visitor.post("/notifications/unsubscribe/", {"t": token})
    assert "we will not send you any more e-mails" in done.content.decode()
    assert ContactPreference.objects.get(membership=practitioner).channel == "none"
    assert visitor.get("/notifications/unsubscribe/?t=" + token[:-2] + "xx").status_code == 400


def test_an_organisation_switches_a_kind_of_message_off(
    notify: Notify, young_person: Membership, admin: Membership
) -> None:
    message_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        quiet_from=datetime.time(21, 0),
        quiet_until=datetime.time(8, 0),
        switches={"send_idea_news": False},
    )
    wants_texts(young_person)
    assert (
        message_send(
            organisation=young_person.organisation,
            recipient=young_person,
            kind="idea_news",
            dedupe_key="off",
        )
        is None
    )
    assert Message.objects.count() == 0


def test_an_admin_connects_notify_and_switches_messages_on_a_page(
    admin: Membership, practitioner: Membership
) -> None:
    from coproduce.notifications.models import MessageSettings
    from tests.notifications.notify_server import API_KEY

    client = client_for(admin)
    assert "Message settings" in client.get("/notifications/").content.decode()
    page = client.get("/notifications/settings/")
    assert page.status_code == 200
    assert "No Notify key of your own is saved" in page.content.decode()
    saved = client.post(
        "/notifications/settings/",
        {
            "sending": ["send_session_reminders", "send_idea_news"],
            "quiet_from": "20:30",
            "quiet_until": "07:30",
            "notify_api_key": API_KEY,
            "email_template_id": "",
            "sms_template_id": "",
        },
    )
    assert saved.status_code == 302
    row = MessageSettings.objects.get()
    assert row.quiet_from == datetime.time(20, 30) and not row.send_session_invitations
    assert row.send_idea_news and row.notify_api_key_encrypted
    html = client.get("/notifications/settings/").content.decode()
    assert "A Notify key of your own is saved" in html and API_KEY not in html
    assert client_for(practitioner).get("/notifications/settings/").status_code == 403


def test_without_notify_texts_go_to_the_console_in_development_only(
    settings: Any, young_person: Membership, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.NOTIFY_API_KEY, settings.SMS_TO_CONSOLE = "", True
    wants_texts(young_person)
    with time_machine.travel(datetime.datetime(2027, 3, 10, 14, tzinfo=LONDON), tick=False):
        shown = tell(young_person)
        call_command("worker", "--once")
        assert "Text message to +447700900123:\nHi Fran, there is news" in capsys.readouterr().out
        settings.SMS_TO_CONSOLE = False
        refused = tell(young_person, key="production")
        call_command("worker", "--once")
    shown.refresh_from_db()
    refused.refresh_from_db()
    assert shown.status == Status.SENT
    assert refused.status == Status.FAILED
    assert refused.reason == "no text message service is connected: add a Notify key"
