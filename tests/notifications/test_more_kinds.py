"""Scenario: `coproduce send_due_messages` also tells young people a check-in is waiting,
panel members to read their briefing, managers that a self-assessment round is due and a
panel's chair that it is ready to moderate, and lists consent missing in the staff digest.
Each goes once, by the person's channel, in their language, not at night to under-18s, and
shows in the one list of messages staff see."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command

from coproduce.assessments import services as assessments
from coproduce.commissioning import services as commissioning
from coproduce.notifications.models import Message, Status
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.commissioning.helpers import make_panel, score_all
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.notifications.helpers import wants_texts
from tests.notifications.notify_server import Notify

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = datetime.timezone(datetime.timedelta(0))  # March: London is on GMT
LATE = datetime.datetime(2027, 3, 10, 22, 30, tzinfo=LONDON)
MORNING = datetime.datetime(2027, 3, 11, 8, 1, tzinfo=LONDON)


def _due_twice() -> None:
    call_command("send_due_messages")
    call_command("send_due_messages")


def test_a_young_person_hears_once_that_a_check_in_is_waiting(
    notify: Notify, young_person: Membership, admin: Membership
) -> None:
    organisation = young_person.organisation
    wants_texts(young_person)  # Fran, 16: texts wait for the morning
    welsh = YoungPersonFactory.create(
        organisation=organisation, user__email="cerys@example.org", user__language="cy"
    )
    answered = YoungPersonFactory.create(organisation=organisation, user__email="al@example.org")
    round_ = open_round(organisation, opens_on=datetime.date(2027, 3, 1))
    fill(round_, answered, 7, perspective="young_people")
    with time_machine.travel(LATE, tick=False):
        _due_twice()
        waiting = Message.objects.filter(kind="assessment_waiting")
        assert sorted(m.recipient_id for m in waiting) == sorted([young_person.pk, welsh.pk])
        assert waiting.get(recipient=young_person).status == Status.HELD
        call_command("worker", "--once")
    [mail] = notify.to("cerys@example.org")  # e-mail is not held
    assert mail["personalisation"]["subject"] == "Mae holiadur yn aros amdanoch chi"
    assert "Spring 2027" in mail["personalisation"]["body"]
    assert notify.to("+447700900123") == []
    with time_machine.travel(MORNING, tick=False):
        call_command("worker", "--once")
        _due_twice()
        call_command("worker", "--once")
    [text] = notify.to("+447700900123")
    assert text["personalisation"]["body"] == (
        "Hi Fran, a check-in is waiting for you. It only takes a few minutes: "
        "https://coproduce.example.gov.uk/assessments/"
    )
    html = client_for(admin).get("/notifications/sent/").content.decode()
    assert "Hi Fran, a check-in is waiting for you" in html
    assert "Mae holiadur yn aros amdanoch chi" in html


def test_managers_hear_once_when_a_frameworks_next_round_is_due(
    notify: Notify, organisation: Organisation, manager: Membership, practitioner: Membership
) -> None:
    round_ = open_round(organisation, opens_on=datetime.date(2027, 3, 31))
    with time_machine.travel(datetime.datetime(2027, 4, 30, 12, tzinfo=datetime.UTC)):
        assessments.round_close(acting_user=None, round_=round_)
    # Due on 30 October; reminded 14 days before (the default).
    with time_machine.travel(datetime.datetime(2027, 10, 15, 9, tzinfo=datetime.UTC)):
        _due_twice()
        assert not Message.objects.filter(kind="round_due").exists()  # too early
    with time_machine.travel(datetime.datetime(2027, 10, 16, 9, tzinfo=datetime.UTC)):
        _due_twice()
        call_command("assessment_reminders")  # its notice shares the key: not sent again
        call_command("worker", "--once")
    [message] = Message.objects.filter(recipient=manager)
    assert message.kind == "round_due" and not Message.objects.filter(recipient=practitioner)
    [mail] = notify.to(manager.user.email)
    assert mail["personalisation"]["subject"].startswith("A self-assessment round is due: ")
    assert "is due on Saturday 30 October" in mail["personalisation"]["body"]
    assert (
        "https://coproduce.example.gov.uk/assessments/rounds/open/"
        in (mail["personalisation"]["body"])
    )


def test_panel_members_are_asked_to_read_the_briefing_and_the_chair_hears_when_it_is_ready(
    notify: Notify, organisation: Organisation
) -> None:
    panel = make_panel(organisation, young=2, staff=1)
    for n, seat in enumerate(panel.young):
        wants_texts(seat.membership, mobile=f"07700 90010{n}")
    panel.officer.user.language = "cy"
    panel.officer.user.save(update_fields=["language"])
    scores = [[4, 4, 4], [3, 3, 3], [2, 2, 2]]
    afternoon = datetime.datetime(2027, 3, 10, 14, tzinfo=LONDON)
    with time_machine.travel(afternoon, tick=False):
        score_all(panel, panel.young[0], scores, submit=False)  # briefed already
        _due_twice()
        briefed = Message.objects.filter(kind="panel_briefing")
        assert sorted(m.recipient_id for m in briefed) == sorted(
            [panel.young[1].membership_id, panel.staff[0].membership_id]
        )
        call_command("worker", "--once")
        [text] = notify.to("+447700900101")
        assert text["personalisation"]["body"].startswith(
            "Hi Sky, you are on a panel. Please read the briefing before you score: "
            "https://coproduce.example.gov.uk/commissioning/"
        )
        for seat in [panel.young[1], panel.staff[0]]:
            score_all(panel, seat, scores)
        _due_twice()
        assert not Message.objects.filter(kind="panel_ready").exists()  # one still to submit
        first = panel.young[0]
        commissioning.scores_submit(acting_user=first.membership.user, member=first)
        _due_twice()
        call_command("worker", "--once")
    [ready] = Message.objects.filter(kind="panel_ready")
    assert ready.recipient_id == panel.officer.pk  # no chair named: the manager running it
    [mail] = notify.to(panel.officer.user.email)
    assert mail["personalisation"]["subject"] == (
        "Mae'r panel yn barod i gymedroli: Wellbeing grants"
    )
    assert f"/commissioning/{panel.round.pk}/moderation/" in mail["personalisation"]["body"]


def test_the_staff_digest_says_how_many_young_people_have_no_consent(
    notify: Notify, young_person: Membership, practitioner: Membership, admin: Membership
) -> None:
    wants_texts(young_person)
    admin.user.language = "cy"
    admin.user.save(update_fields=["language"])
    monday = datetime.datetime(2027, 3, 8, 9, tzinfo=LONDON)
    with time_machine.travel(monday, tick=False):
        _due_twice()
    [digest] = Message.objects.filter(kind="staff_digest", recipient=practitioner)
    assert "- 1 young person has no valid consent recorded" in digest.body
    [welsh] = Message.objects.filter(kind="staff_digest", recipient=admin)
    assert "- Nid oes caniatâd dilys wedi'i gofnodi ar gyfer 1 person ifanc" in welsh.body
