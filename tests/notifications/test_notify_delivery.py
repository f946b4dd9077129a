"""Scenario: messages go through GOV.UK Notify (a local server speaking its API) from the
worker only, are tried again when Notify is busy, and what became of each one is recorded
and shown to staff in plain words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from coproduce.notifications.models import Message, MessageSettings, Status
from coproduce.notifications.services import message_settings_update
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.notifications.conftest import SMS_TEMPLATE
from tests.notifications.helpers import tell, wants_texts
from tests.notifications.notify_server import API_KEY, Notify
from tests.scenarios import a_project, an_idea

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("afternoon")]


def _worker_in(minutes: int) -> None:
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=False):
        call_command("worker", "--once")


def test_it_sends_a_text_queued_by_a_request_only_when_the_worker_runs(
    notify: Notify, practitioner: Membership, young_person: Membership
) -> None:
    wants_texts(young_person)
    young_person.user.last_name = "Okonkwo"  # not a word any text could hold by chance
    young_person.user.save(update_fields=["last_name"])
    club = a_project(practitioner, aims="Redesign Friday club")
    idea = an_idea(practitioner, club, "Open on Saturdays", young_person)
    page = client_for(practitioner).post(
        f"/projects/ideas/{idea.pk}/answer/",
        {"status": "adopted", "action": "Open on Saturdays from March"},
    )
    assert page.status_code == 302
    message = Message.objects.get(recipient=young_person)
    assert (message.channel, message.status) == ("sms", Status.QUEUED)
    assert notify.sent == []  # nothing left during the request

    call_command("worker", "--once")

    [text] = notify.sent
    assert text["type"] == "sms" and text["phone_number"] == "+447700900123"
    assert text["template_id"] == SMS_TEMPLATE
    body = text["personalisation"]["body"]
    assert body.startswith("Hi Fran, there is news about your idea")
    assert "https://coproduce.example.gov.uk/projects/my-ideas/" in body
    assert "Okonkwo" not in body  # only the first name in a text
    message.refresh_from_db()
    assert message.status == Status.SENDING and message.provider_id == text["id"]
    assert message.to == "**********123"

    _worker_in(2)  # the worker asks Notify what became of it
    message.refresh_from_db()
    assert message.status == Status.DELIVERED
    _worker_in(60)
    assert len(notify.sent) == 1  # sent once


def test_it_tries_again_when_notify_is_busy(notify: Notify, young_person: Membership) -> None:
    wants_texts(young_person)
    notify.busy["+447700900123"] = 1
    message = tell(young_person)
    call_command("worker", "--once")
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.reason == "will try again: Notify could not take it just now (500)"
    assert notify.sent == []
    call_command("worker", "--once")
    assert notify.sent == []  # not due yet
    _worker_in(2)
    assert len(notify.sent) == 1
    message.refresh_from_db()
    assert message.status == Status.SENDING and message.attempts == 2


def test_it_records_a_refused_number_and_shows_it_to_staff(
    notify: Notify, young_person: Membership, admin: Membership, practitioner: Membership
) -> None:
    wants_texts(young_person)
    notify.refuse.add("+447700900123")
    message = tell(young_person)
    call_command("worker", "--once")
    _worker_in(60 * 24)
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.reason == "phone number is not a valid mobile number"
    assert message.attempts == 1  # a refusal is not retried

    html = client_for(admin).get("/notifications/sent/?status=failed").content.decode()
    assert "E-mails and text messages" in html
    assert "phone number is not a valid mobile number" in html and "Failed" in html
    assert "+447700900123" not in html and "**********123" in html
    assert client_for(practitioner).get("/notifications/sent/").status_code == 403


def test_it_shows_on_their_page_that_the_phone_number_does_not_exist(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    wants_texts(young_person)
    notify.bounce.add("+447700900123")
    tell(young_person)
    call_command("worker", "--once")
    _worker_in(2)
    message = Message.objects.get()
    assert (message.status, message.reason) == (Status.FAILED, "phone number does not exist")
    html = client_for(practitioner).get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert "Messages sent to them" in html
    assert "phone number does not exist" in html


def test_it_uses_the_organisations_own_notify_key_stored_encrypted(
    notify: Notify, settings: object, young_person: Membership, admin: Membership
) -> None:
    settings.NOTIFY_API_KEY = ""  # type: ignore[attr-defined]
    message_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        quiet_from=datetime.time(21, 0),
        quiet_until=datetime.time(8, 0),
        sms_template_id="11111111-2222-4333-8444-555555555555",
        notify_api_key=API_KEY,
    )
    stored = MessageSettings.objects.get().notify_api_key_encrypted
    assert stored and API_KEY not in stored
    wants_texts(young_person)
    tell(young_person)
    call_command("worker", "--once")
    [text] = notify.sent
    assert text["template_id"] == "11111111-2222-4333-8444-555555555555"


def test_a_wrong_key_is_a_permanent_failure_in_plain_words(
    notify: Notify, settings: object, young_person: Membership
) -> None:
    settings.NOTIFY_API_KEY = "wrong-" + API_KEY[6:-5] + "00000"  # type: ignore[attr-defined]
    wants_texts(young_person)
    message = tell(young_person)
    call_command("worker", "--once")
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.reason.startswith("Notify did not accept the API key")


def test_notifys_callback_records_delivery(
    notify: Notify, settings: object, young_person: Membership, client: object
) -> None:
    settings.NOTIFY_CALLBACK_TOKEN = "callback-secret-123"  # type: ignore[attr-defined]
    wants_texts(young_person)
    message = tell(young_person)
    call_command("worker", "--once")
    message.refresh_from_db()
    receipt = {"id": message.provider_id, "status": "temporary-failure", "notification_type": "sms"}
    from django.test import Client

    web = Client()
    refused = web.post("/notifications/notify-callback/", receipt, content_type="application/json")
    assert refused.status_code == 403
    answer = web.post(
        "/notifications/notify-callback/",
        receipt,
        content_type="application/json",
        headers={"Authorization": "Bearer callback-secret-123"},
    )
    assert answer.status_code == 200
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.reason == "the phone was off or out of signal for 3 days"


def test_people_with_no_contact_details_are_listed_as_unreachable(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    reachable = YoungPersonFactory.create(
        organisation=young_person.organisation, user__email="kim@example.org"
    )
    message = tell(young_person)
    assert message.status == Status.UNREACHABLE
    assert tell(reachable).status == Status.QUEUED
    html = client_for(practitioner).get("/notifications/unreachable/").content.decode()
    assert young_person.user.display_name in html
    assert reachable.user.display_name not in html
    page = client_for(practitioner).get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert "We cannot reach them" in page and "No contact details" in page


def test_a_new_field_key_re_encrypts_the_notify_key(
    notify: Notify, settings: Any, young_person: Membership, admin: Membership
) -> None:
    settings.NOTIFY_API_KEY = ""
    settings.FIELD_ENCRYPTION_KEYS = ["old-field-key-for-this-test"]
    message_settings_update(
        acting_user=admin.user,
        organisation=admin.organisation,
        quiet_from=datetime.time(21, 0),
        quiet_until=datetime.time(8, 0),
        notify_api_key=API_KEY,
    )
    before = MessageSettings.objects.get().notify_api_key_encrypted
    settings.FIELD_ENCRYPTION_KEYS = ["new-field-key-for-this-test", "old-field-key-for-this-test"]
    call_command("rotate_notify_keys")
    after = MessageSettings.objects.get().notify_api_key_encrypted
    assert after != before
    settings.FIELD_ENCRYPTION_KEYS = ["new-field-key-for-this-test"]  # the old key is gone
    wants_texts(young_person)
    tell(young_person)
    call_command("worker", "--once")
    assert len(notify.sent) == 1
