"""Scenario: staff add young people (most have no e-mail) and keep their details right."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape

from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": "Tomos",
        "last_name": "Davies",
        "preferred_name": "Tom",
        "email": "",
        "date_of_birth_day": "14",
        "date_of_birth_month": "2",
        "date_of_birth_year": "2014",
        "role": Role.YOUNG_PERSON,
    }
    data.update(overrides)
    return data


def test_it_adds_a_young_person_without_an_email(practitioner: Membership) -> None:
    response = client_for(practitioner).post("/organisation/people/add/", _form(), follow=True)
    assert response.status_code == 200
    assert "Tom has been added" in response.content.decode()
    tom = Membership.objects.get(user__first_name="Tomos")
    assert tom.role == Role.YOUNG_PERSON
    assert str(tom.user.date_of_birth) == "2014-02-14"
    assert not tom.user.has_usable_password() and tom.user.must_set_password


def test_it_keeps_what_was_typed_and_says_what_to_fix(practitioner: Membership) -> None:
    response = client_for(practitioner).post(
        "/organisation/people/add/", _form(date_of_birth_day="31", date_of_birth_month="2")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_date_of_birth_0"' in html
    assert "Enter a real date" in html
    assert 'value="Tomos"' in html and 'value="31"' in html
    assert html.startswith("\n<!DOCTYPE html>") or "<title>Error:" in html


def test_it_asks_for_a_date_of_birth_for_young_people(practitioner: Membership) -> None:
    response = client_for(practitioner).post(
        "/organisation/people/add/",
        _form(date_of_birth_day="", date_of_birth_month="", date_of_birth_year=""),
    )
    assert "Enter the young person&#x27;s date of birth" in response.content.decode()
    assert not Membership.objects.filter(user__first_name="Tomos").exists()


def test_it_lets_only_managers_add_staff(practitioner: Membership, manager: Membership) -> None:
    staff = _form(role=Role.PRACTITIONER, email="new@example.org")
    refused = client_for(practitioner).post("/organisation/people/add/", staff)
    assert "Only managers and admins can add staff" in refused.content.decode()
    client_for(manager).post("/organisation/people/add/", staff)
    assert Membership.objects.filter(user__first_name="Tomos", role=Role.PRACTITIONER).exists()


def test_it_shows_care_status_to_staff_but_not_to_young_people(
    practitioner: Membership, young_person: Membership, commissioner: Membership
) -> None:
    young_person.in_care = True
    young_person.save()
    url = f"/organisation/people/{young_person.pk}/"
    assert "In care" in client_for(practitioner).get(url).content.decode()
    assert client_for(young_person).get(url).status_code == 403
    assert client_for(commissioner).get(url).status_code == 403


def test_it_lists_people_in_a_fixed_number_of_queries(
    practitioner: Membership, django_assert_max_num_queries: Any
) -> None:
    from tests.factories import YoungPersonFactory

    for _ in range(15):
        YoungPersonFactory.create(organisation=practitioner.organisation)
    client = client_for(practitioner)
    with django_assert_max_num_queries(12):
        response = client.get("/organisation/people/")
    assert response.content.decode().count("/organisation/people/") >= 15


def test_it_manages_services(admin: Membership) -> None:
    client = client_for(admin)
    client.post(
        "/organisation/services/add/", {"name": "Youth Forum", "description": "", "is_active": "on"}
    )
    duplicate = client.post(
        "/organisation/services/add/", {"name": "Youth Forum", "is_active": "on"}
    )
    assert "already exists" in duplicate.content.decode()
    assert "Youth Forum" in client.get("/organisation/services/").content.decode()


def test_it_filters_people_by_role_for_managers(
    manager: Membership, young_person: Membership, practitioner: Membership
) -> None:
    html = client_for(manager).get("/organisation/people/?role=practitioner").content.decode()
    # Names such as O'Sullivan reach the page HTML-escaped.
    assert escape(practitioner.user.display_name) in html
    assert escape(young_person.user.display_name) not in html
