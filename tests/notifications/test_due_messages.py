"""Scenario: `coproduce send_due_messages` (cron) invites the young people of a project to
its sessions, reminds them the day before, leaves out anyone who said they cannot come, and
sends nothing twice however often it runs."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command

from coproduce.notifications.models import Message
from coproduce.organisations.models import Membership
from coproduce.projects import services
from tests.factories import YoungPersonFactory
from tests.notifications.helpers import wants_texts
from tests.notifications.notify_server import Notify

pytestmark = pytest.mark.django_db(transaction=True)

WEDNESDAY = datetime.datetime(2027, 3, 10, 10, tzinfo=datetime.UTC)


def test_it_invites_then_reminds_the_day_before_once(
    notify: Notify, practitioner: Membership, young_person: Membership
) -> None:
    wants_texts(young_person)
    busy = YoungPersonFactory.create(organisation=practitioner.organisation)
    wants_texts(busy, mobile="07700 900777")
    outsider = YoungPersonFactory.create(organisation=practitioner.organisation)
    wants_texts(outsider, mobile="07700 900888")
    with time_machine.travel(WEDNESDAY, tick=False):
        club = services.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name="Youth Club Redesign",
            aims="Redesign Friday club",
        )
        first = services.session_record(
            acting_user=practitioner.user,
            project=club,
            date=datetime.date(2027, 3, 3),
            duration_minutes=60,
            activity="Planning",
        )
        services.attendance_record(
            acting_user=practitioner.user,
            session=first,
            entries=[(young_person, True, 3), (busy, True, 3), (outsider, False, None)],
        )
        saturday = services.session_record(
            acting_user=practitioner.user,
            project=club,
            date=datetime.date(2027, 3, 13),
            start_time=datetime.time(18, 0),
            duration_minutes=90,
            activity="Youth Forum",
            place="Town Hall",
        )
        services.apology_give(acting_user=busy.user, session=saturday, young_person=busy)
        call_command("send_due_messages")
        call_command("send_due_messages")
        call_command("worker", "--once")
    [invitation] = notify.sent
    assert invitation["phone_number"] == "+447700900123"  # not busy, not the outsider
    assert invitation["personalisation"]["body"] == (
        "Hi Fran, you are invited to Youth Forum on Saturday 13 March at 18:00. "
        "https://coproduce.example.gov.uk/projects/get-involved/"
    )
    friday = datetime.datetime(2027, 3, 12, 10, tzinfo=datetime.UTC)
    with time_machine.travel(friday, tick=False):
        call_command("send_due_messages")
        call_command("send_due_messages")
        call_command("worker", "--once")
    assert len(notify.sent) == 2
    assert notify.sent[1]["personalisation"]["body"] == (
        "Hi Fran, a reminder: Youth Forum is tomorrow at 18:00. See you there."
    )
    assert sorted(Message.objects.values_list("kind", flat=True)) == [
        "session_invitation",
        "session_reminder",
    ]
