"""Scenario: Bryn Valley makes Welsh its default language. Mia is 12; her youth worker, who
reads the site in English, asks her mum Sian for consent. The form already says Sian reads
Cymraeg, so the e-mail, the printed letter and the page Sian opens from her link are all in
Welsh (`lang="cy"`), with the switch to English still there for her to use."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coproduce.consent.models import ConsentRequest
from coproduce.organisations.models import Membership
from coproduce.organisations.services import organisation_language_set
from tests.conftest import client_for
from tests.consent.test_parent_links import ANSWERS, a_link
from tests.factories import YoungPersonFactory
from tests.prepared import uses_worker


@pytest.fixture
def mia(practitioner: Membership, admin: Membership) -> Membership:
    organisation_language_set(
        acting_user=admin.user, organisation=practitioner.organisation, language="cy"
    )
    practitioner.user.language = "en-gb"  # the youth worker reads the site in English
    practitioner.user.save(update_fields=["language"])
    return YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Mia",
        user__preferred_name="Mia",
        user__date_of_birth=datetime.date(2014, 2, 1),
    )


def _ask(staff: Membership, child: Membership, **answers: str) -> str:
    until = timezone.localdate() + datetime.timedelta(days=200)
    page = client_for(staff).post(
        f"/consent/people/{child.pk}/ask/",
        {
            "recipient_name": "Sian Roberts",
            "relationship": "mam",
            "consent_until_day": str(until.day),
            "consent_until_month": str(until.month),
            "consent_until_year": str(until.year),
            **answers,
        },
    )
    assert page.status_code == 200
    return page.content.decode()


def test_the_form_asks_which_language_they_read_starting_from_the_organisations(
    practitioner: Membership, mia: Membership
) -> None:
    html = client_for(practitioner).get(f"/consent/people/{mia.pk}/ask/").content.decode()
    assert "Which language do they read?" in html  # the page itself is in English
    assert re.search(r'value="cy" checked>.*?<span lang="cy">Cymraeg</span>', html, re.S)
    assert not re.search(r'value="en-gb" checked', html)


@uses_worker
def test_a_parent_who_reads_welsh_gets_the_email_in_welsh(
    practitioner: Membership, mia: Membership, mailoutbox: list[Any]
) -> None:
    html = _ask(practitioner, mia, email="sian@example.org", language="cy")
    made = ConsentRequest.objects.get(young_person=mia)
    assert made.language == "cy" and made.emailed_at is not None
    # The staff page stays English; the letter to print is in Welsh.
    letter = html.split('data-testid="letter"')[1]
    assert "We have e-mailed the link" in html
    assert 'lang="cy"' in letter[:40] and "Annwyl Sian Roberts," in letter
    assert "Dear Sian" not in letter

    call_command("worker", "--once")
    [sent] = [m for m in mailoutbox if m.to == ["sian@example.org"]]
    assert sent.subject == "Rhowch eich caniatâd ar gyfer Mia, os gwelwch yn dda"
    assert "yn gofyn am eich caniatâd i Mia gymryd rhan" in sent.body
    assert "asks for your consent" not in sent.body
    assert "/consent/link/" in sent.body


@uses_worker
def test_a_parent_who_reads_english_gets_it_in_english_in_a_welsh_organisation(
    practitioner: Membership, mia: Membership, mailoutbox: list[Any]
) -> None:
    _ask(practitioner, mia, email="sian@example.org", language="en-gb")
    call_command("worker", "--once")
    [sent] = [m for m in mailoutbox if m.to == ["sian@example.org"]]
    assert sent.subject == "Please give your consent for Mia"


def test_the_page_the_link_opens_is_in_welsh_with_the_switch_to_english(
    practitioner: Membership, mia: Membership
) -> None:
    _made, raw = a_link(practitioner, mia, language="cy")
    parent = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")  # an English phone
    page = parent.get(f"/consent/link/{raw}/")
    html = page.content.decode()
    assert page.status_code == 200 and page["Content-Language"] == "cy"
    assert '<html lang="cy"' in html
    assert "Lluniau, fideos a geiriau: eich caniatâd" in html
    assert "lle mae modd adnabod eich plentyn" in html  # what a photo means, in Welsh
    assert "Photos, videos and words" not in html and "can be recognised" not in html
    assert 'value="en-gb" lang="en"' in html  # the switch, offering English

    done = parent.post(f"/consent/link/{raw}/", ANSWERS, follow=True)
    assert "Diolch. Mae eich atebion wedi&#x27;u cadw." in done.content.decode()

    # Sian uses the switch: the same link now reads in English.
    parent.post("/language/", {"language": "en-gb", "next": f"/consent/link/{raw}/"})
    english = parent.get(f"/consent/link/{raw}/")
    assert english["Content-Language"] == "en-gb"
    assert "Your answers" in english.content.decode()


def test_a_link_made_without_a_language_uses_the_organisations_default(
    practitioner: Membership, mia: Membership
) -> None:
    made, raw = a_link(practitioner, mia)
    assert made.language == "cy"
    html = Client().get(f"/consent/link/{raw}/").content.decode()
    assert '<html lang="cy"' in html and "Lluniau, fideos a geiriau" in html
