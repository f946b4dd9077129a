"""Scenario: a parent who cannot read a page asks how to get help. The statement says how
accessible the service is, what is not and why, how to report a problem and get a reply, the
enforcement procedure, and when it was prepared and reviewed (the 2018 regulations)."""

from __future__ import annotations

from django.test import Client, override_settings
from django.urls import reverse

from coproduce.organisations.models import Membership
from tests.conftest import client_for


def _statement() -> str:
    return " ".join(Client().get(reverse("accessibility")).content.decode().split())


def test_the_statement_has_what_the_regulations_ask_for(db: None) -> None:
    page = _statement()
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in page
    )
    assert 'data-testid="known-problems"' in page and "sessions and hours tables" in page
    assert "Tell us about a problem" in page and "We will reply within 5 working days" in page
    assert (
        "Equality and Human Rights Commission" in page
        and "Equality Advisory and Support Service" in page
    )
    assert "This statement was prepared on 30 November 2026" in page
    assert "last reviewed on 30 November 2026" in page


def test_the_contact_address_is_the_operators_when_set(db: None) -> None:
    assert "mailto:" not in _statement()
    with override_settings(ACCESSIBILITY_CONTACT_EMAIL="access@bryn-valley.example.org"):
        assert 'href="mailto:access@bryn-valley.example.org"' in _statement()


def test_young_people_are_not_offered_the_api_and_are_greeted_by_first_name(
    practitioner: Membership, young_person: Membership
) -> None:
    user = young_person.user
    user.preferred_name, user.first_name, user.last_name = "", "Jade", "Morgan"
    user.save()
    young = client_for(young_person).get("/").content.decode()
    staff = client_for(practitioner).get("/").content.decode()
    assert 'href="/api/v1/docs"' not in young and 'href="/api/v1/docs"' in staff
    assert "Hi Jade</h1>" in young  # as Fran is greeted as Fran, not by her full name
