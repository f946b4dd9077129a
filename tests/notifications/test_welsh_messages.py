"""Scenario: Bryn Valley makes Welsh its default language. Fran, who never chose a language,
gets her texts in Welsh; Bob, who chose English, still gets English. Staff who never chose get
the weekly digest in Welsh, and a mum who reads Welsh gets the consent request in Welsh through
GOV.UK Notify. Every kind of message is written in both languages."""

from __future__ import annotations

import datetime
import re
import string

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext

from coproduce.consent.services import consent_request_create
from coproduce.notifications.models import Message, Notification
from coproduce.notifications.services import notify
from coproduce.notifications.texts import AT_PLACE, AT_TIME, KINDS, UNSUBSCRIBE
from coproduce.organisations.models import Membership
from coproduce.organisations.services import organisation_language_set
from tests.factories import YoungPersonFactory
from tests.notifications.helpers import tell, wants_texts
from tests.notifications.notify_server import Notify

pytestmark = pytest.mark.django_db(transaction=True)

LONDON = datetime.UTC  # March: London is on GMT
MONDAY = datetime.datetime(2027, 3, 8, 9, tzinfo=LONDON)


def _placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_kind_of_message_is_written_in_english_and_in_welsh() -> None:
    for kind, wording in KINDS.items():
        for part in ("subject", "body", "sms"):
            texts = getattr(wording, part)
            assert set(texts) == {"en", "cy"}, (kind, part)
            assert texts["en"].strip() and texts["cy"].strip(), (kind, part)
            # The same facts in both: no placeholder lost or added in translation.
            assert _placeholders(texts["en"]) == _placeholders(texts["cy"]), (kind, part)
        if kind != "notice":  # a notice's subject arrives already translated
            assert wording.subject["en"] != wording.subject["cy"], kind
        assert wording.body["en"] != wording.body["cy"], kind
    for phrases in (UNSUBSCRIBE, AT_TIME, AT_PLACE):
        assert set(phrases) == {"en", "cy"} and phrases["en"] != phrases["cy"]


@pytest.fixture
def welsh_default(admin: Membership) -> None:
    organisation_language_set(
        acting_user=admin.user, organisation=admin.organisation, language="cy"
    )


@pytest.mark.usefixtures("welsh_default", "afternoon")
def test_a_young_person_who_never_chose_gets_welsh_in_a_welsh_organisation(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    assert young_person.user.language == ""
    wants_texts(young_person)
    practitioner.user.language = "en-gb"  # Bob chose English: his choice comes first
    practitioner.user.save(update_fields=["language"])
    tell(young_person)
    tell(practitioner)
    call_command("worker", "--once")
    [text] = notify.to("+447700900123")
    assert text["personalisation"]["body"].startswith("Helo Fran, mae newyddion am eich syniad")
    [mail] = notify.to(practitioner.user.email)
    assert mail["personalisation"]["subject"] == "There is news about your idea"
    assert "Do not want these e-mails?" in mail["personalisation"]["body"]


@pytest.mark.usefixtures("welsh_default", "afternoon")
def test_an_in_app_notification_and_its_copy_are_in_the_organisations_language(
    young_person: Membership,
) -> None:
    notify(
        organisation=young_person.organisation,
        recipient=young_person.user,
        kind="test.answers",
        dedupe_key="answers:1",
        subject=lambda: gettext("Your answers"),
        url="/",
    )
    assert Notification.objects.get(recipient=young_person.user).subject == "Eich atebion"
    copy = Message.objects.get(recipient=young_person)
    assert copy.body.startswith("Helo Fran,") and "Eich atebion" in copy.body


@pytest.mark.usefixtures("welsh_default")
def test_staff_who_never_chose_get_the_weekly_digest_in_welsh(
    notify: Notify, young_person: Membership, practitioner: Membership
) -> None:
    with time_machine.travel(MONDAY, tick=False):
        tell(young_person)  # unreachable: no e-mail or mobile, so the digest has a line
        call_command("send_due_messages")
        digest = Message.objects.get(kind="staff_digest", recipient=practitioner)
        assert digest.subject.startswith("Yr wythnos hon:")
        assert "- Does gan 1 person ifanc ddim e-bost na rhif ffôn symudol" in digest.body
        assert "no e-mail or mobile number" not in digest.body
        assert "Helo Bob," in digest.body


@pytest.mark.usefixtures("welsh_default", "afternoon")
def test_a_parent_who_reads_welsh_gets_the_consent_request_in_welsh_through_notify(
    notify: Notify, practitioner: Membership
) -> None:
    mia = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Mia",
        user__preferred_name="Mia",
        user__date_of_birth=datetime.date(2014, 2, 1),
    )
    made, raw = consent_request_create(
        acting_user=practitioner.user,
        young_person=mia,
        recipient_name="Sian Roberts",
        relationship="mam",
        email="sian@example.org",
        consent_until=timezone.localdate() + datetime.timedelta(days=300),
    )
    assert made.language == "cy"  # no language given: the organisation's default
    call_command("worker", "--once")
    [mail] = notify.to("sian@example.org")
    assert mail["personalisation"]["subject"] == (
        "Rhowch eich caniatâd ar gyfer Mia, os gwelwch yn dda"
    )
    body = mail["personalisation"]["body"]
    assert body.startswith("Helo,\n\nMae Bryn Valley Youth Service yn gofyn am eich caniatâd")
    assert re.search(rf"https://\S+/consent/link/{re.escape(raw)}/", body)
    assert "Mae'r ddolen yn gweithio am 28 diwrnod." in body
