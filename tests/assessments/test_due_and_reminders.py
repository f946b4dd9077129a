"""Scenario: the next round is due six months after the last was completed; staff who have not
submitted see it on their dashboard and get one reminder (in-app and e-mail) a set number
of days before, and one once it is overdue — however often cron runs the command."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from coproduce.assessments import services
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_makes_the_next_round_due_six_months_after_the_last_was_completed(
    organisation: Organisation, manager: Membership
) -> None:
    """The guide asks for the framework every six months: the clock starts when a round is
    done (closed), not when it opened, and nothing is due while a round is still open."""
    round_ = open_round(organisation, name="Spring 2027", opens_on=datetime.date(2027, 3, 31))
    assert services.next_round_due(organisation) is None  # still being done
    with time_machine.travel(datetime.datetime(2027, 4, 30, 12, tzinfo=datetime.UTC)):
        services.round_close(acting_user=None, round_=round_)
    assert services.next_round_due(organisation) == datetime.date(2027, 10, 30)
    with time_machine.travel(datetime.datetime(2027, 10, 20, 9, tzinfo=datetime.UTC)):
        home = client_for(manager).get("/").content.decode()
        assert "The next round was due to open on 30 October 2027" in home
        assert "Overdue" not in home
    with time_machine.travel(datetime.datetime(2027, 11, 2, 9, tzinfo=datetime.UTC)):
        home = client_for(manager).get("/").content.decode()
        assert "Overdue" in home


def test_it_reminds_staff_once_before_the_due_date_and_once_when_overdue(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    round_ = open_round(organisation, opens_on=datetime.date(2027, 3, 1))  # due 31 March
    fill(round_, manager, 7)  # the manager has already submitted
    services.settings_update(
        acting_user=None,
        organisation=organisation,
        gap_threshold=3,
        reminder_days=10,
        cycle_months=6,
    )
    with time_machine.travel(datetime.datetime(2027, 3, 20, 9, tzinfo=datetime.UTC)):
        call_command("assessment_reminders")
        assert Notification.objects.count() == 0  # 11 days before: too early
    with time_machine.travel(datetime.datetime(2027, 3, 22, 9, tzinfo=datetime.UTC)):
        call_command("assessment_reminders", "--dry-run")
        assert Notification.objects.count() == 0
        call_command("assessment_reminders")
        call_command("assessment_reminders")
        reminders = list(Notification.objects.all())
        assert [(n.recipient_id, n.kind) for n in reminders] == [
            (practitioner.user_id, "assessment.due")
        ]
        assert "due by 31/03/2027" in reminders[0].subject
        home = client_for(practitioner).get("/").content.decode()
        assert "Due soon" in home
    with time_machine.travel(datetime.datetime(2027, 4, 2, 9, tzinfo=datetime.UTC)):
        call_command("assessment_reminders")
        call_command("assessment_reminders")
        kinds = sorted(Notification.objects.values_list("kind", flat=True))
        assert kinds == ["assessment.due", "assessment.overdue"]
        assert "Overdue" in client_for(practitioner).get("/").content.decode()
    assert mail.outbox == []  # e-mail waits for the worker, never the request or the command
    call_command("worker", "--once")
    assert len(mail.outbox) == 2
