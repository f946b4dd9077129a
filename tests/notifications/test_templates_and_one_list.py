"""Scenario: an organisation names its own Notify template for one kind of message (others use
the channel's), and the e-mails that failed before messages had one list are kept, moved into
that list."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from coproduce.notifications.models import Message, MessageSettings, Notification, Status
from coproduce.notifications.services import message_settings_update
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.notifications.conftest import EMAIL_TEMPLATE, SMS_TEMPLATE
from tests.notifications.helpers import tell, wants_texts
from tests.notifications.notify_server import Notify

pytestmark = pytest.mark.django_db(transaction=True)

REMINDER_TEXT = "5f1e3a0c-0000-4000-8000-0000000000r1"
NEWS_EMAIL = "5f1e3a0c-0000-4000-8000-0000000000n1"


def test_a_kind_of_message_uses_its_own_template_and_others_the_channels(
    notify: Notify, afternoon: None, practitioner: Membership, young_person: Membership
) -> None:
    message_settings_update(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        quiet_from=datetime.time(21, 0),
        quiet_until=datetime.time(8, 0),
        kind_templates={
            "session_reminder": {"sms": REMINDER_TEXT},
            "idea_news": {"email": NEWS_EMAIL},
        },
    )
    wants_texts(young_person)
    tell(young_person, key="reminder", kind="session_reminder")
    tell(young_person, key="news", kind="idea_news")  # a text: no text template for news
    tell(practitioner, key="news", kind="idea_news")
    tell(practitioner, key="credits", kind="credits_earned")
    call_command("worker", "--once")
    used = {(s["type"], s["personalisation"]["body"][:30], s["template_id"]) for s in notify.sent}
    texts = sorted(t for kind, _body, t in used if kind == "sms")
    assert texts == sorted([REMINDER_TEXT, SMS_TEMPLATE])
    [news] = [
        s for s in notify.to(practitioner.user.email) if "news" in s["personalisation"]["subject"]
    ]
    assert news["template_id"] == NEWS_EMAIL
    [other] = [s for s in notify.to(practitioner.user.email) if s is not news]
    assert other["template_id"] == EMAIL_TEMPLATE


def test_an_admin_names_a_template_for_one_kind_on_the_settings_page(
    admin: Membership, practitioner: Membership
) -> None:
    client = client_for(admin)
    saved = client.post(
        "/notifications/settings/",
        {
            "sending": ["send_session_reminders"],
            "quiet_from": "21:00",
            "quiet_until": "08:00",
            "template_session_reminder_sms": REMINDER_TEXT,
            "template_panel_briefing_email": "",
        },
    )
    assert saved.status_code == 302
    assert MessageSettings.objects.get().kind_templates == {
        "session_reminder": {"sms": REMINDER_TEXT}
    }
    html = client.get("/notifications/settings/").content.decode()
    assert "Notify text message template ID for a session reminder" in html
    assert f'value="{REMINDER_TEXT}"' in html


def test_failed_e_mails_from_before_are_moved_into_the_list_of_messages(
    young_person: Membership, admin: Membership
) -> None:
    young_person.user.email = "fran@example.org"
    young_person.user.save(update_fields=["email"])
    executor = MigrationExecutor(connection)
    before = [("notifications", "0003_messages")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    notification = old.get_model("notifications", "Notification").objects.create(
        organisation_id=young_person.organisation_id,
        recipient_id=young_person.user_id,
        subject="Your self-assessment is overdue",
        body="It takes about 15 minutes.",
        url="/assessments/",
        kind="assessment.overdue",
        dedupe_key="assessment-overdue:1:1",
    )
    failures = old.get_model("notifications", "EmailFailure").objects
    for attempt, retry in [(1, True), (2, False)]:
        failures.create(
            organisation_id=young_person.organisation_id,
            notification_id=notification.pk,
            address="f***@example.org",
            reason="550 5.1.1 No such mailbox here",
            attempt=attempt,
            will_retry=retry,
            failed_at=timezone.now(),
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    [moved] = Message.objects.all()
    assert (moved.recipient_id, moved.status, moved.attempts) == (young_person.pk, Status.FAILED, 2)
    assert moved.reason == "550 5.1.1 No such mailbox here" and moved.to == "f***@example.org"
    assert Notification.objects.get().subject == moved.subject
    html = client_for(admin).get("/notifications/sent/?status=failed").content.decode()
    assert "Your self-assessment is overdue" in html and "550 5.1.1 No such mailbox here" in html
