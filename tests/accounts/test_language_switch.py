"""Scenario: anyone can switch between English and Welsh from any page. A visitor's choice is
kept by a cookie; a member's is kept on their account (so messages and documents follow it).
An organisation can make Welsh the default for members who have not chosen."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from coproduce.organisations.models import Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _html_lang(client: Client, path: str = "/") -> str:
    page = client.get(path, follow=True).content.decode()
    found = re.search(r'<html lang="([^"]+)"', page)
    assert found
    return found.group(1)


def test_a_visitor_sees_the_switch_named_in_welsh_and_their_choice_is_remembered() -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accessibility/").content.decode()
    assert 'lang="cy"' in page and ">Cymraeg</button>" in page
    token = client.cookies["csrftoken"].value
    answer = client.post(
        "/language/",
        {"language": "cy", "next": "/accessibility/", "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302 and answer["Location"] == "/accessibility/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    welsh = client.get("/accessibility/").content.decode()
    assert '<html lang="cy"' in welsh
    assert 'lang="en"' in welsh and ">English</button>" in welsh


def test_the_switch_goes_back_to_this_site_only() -> None:
    client = Client()
    answer = client.post("/language/", {"language": "cy", "next": "https://evil.example/"})
    assert answer["Location"] == "/"


def test_a_member_s_choice_is_kept_on_their_account(practitioner: Membership) -> None:
    client = client_for(practitioner)
    client.post("/language/", {"language": "cy", "next": "/"})
    practitioner.user.refresh_from_db()
    assert practitioner.user.language == "cy"
    # Another phone, no cookie: still Welsh.
    assert _html_lang(client_for(practitioner)) == "cy"


def test_an_organisation_can_make_welsh_the_default_for_members_who_have_not_chosen(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    young_person.user.language = "en-gb"
    young_person.user.save()
    practitioner.user.language = ""
    practitioner.user.save()
    assert _html_lang(client_for(practitioner)) == "en"
    answer = client_for(admin).post("/organisation/language/", {"language": "cy"})
    assert answer.status_code == 302
    assert _html_lang(client_for(practitioner)) == "cy"
    # Someone who chose English keeps it.
    assert _html_lang(client_for(young_person)) == "en"


def test_only_an_admin_sets_the_organisation_s_language(practitioner: Membership) -> None:
    answer = client_for(practitioner).post("/organisation/language/", {"language": "cy"})
    assert answer.status_code == 403
    practitioner.organisation.refresh_from_db()
    assert practitioner.organisation.default_language == "en-gb"
