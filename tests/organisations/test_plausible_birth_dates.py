"""Scenario: a practitioner slips while typing a young person's year of birth."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.organisations.test_people import _form

THIS_YEAR = datetime.date.today().year


@pytest.mark.parametrize("year", [THIS_YEAR - 2, THIS_YEAR - 65, 633 + 1000])
def test_it_refuses_a_date_of_birth_no_young_person_could_have(
    practitioner: Membership, year: int
) -> None:
    page = client_for(practitioner).post(
        "/organisation/people/add/", _form(date_of_birth_year=str(year))
    )
    assert "Enter a date of birth for someone aged 5 to 30" in page.content.decode()
    assert not Membership.objects.filter(user__first_name="Tomos").exists()


def test_it_still_lets_staff_update_a_young_person_who_has_grown_past_thirty(
    manager: Membership, young_person: Membership
) -> None:
    young_person.user.date_of_birth = datetime.date(THIS_YEAR - 32, 3, 1)
    young_person.user.save()
    data: dict[str, Any] = _form(
        first_name="Sam",
        date_of_birth_day="1",
        date_of_birth_month="3",
        date_of_birth_year=str(THIS_YEAR - 32),
        role=Role.YOUNG_PERSON,
        is_active="on",
    )
    page = client_for(manager).post(f"/organisation/people/{young_person.pk}/change/", data)
    assert page.status_code == 302, page.content.decode()[:2000]
    young_person.user.refresh_from_db()
    assert young_person.user.first_name == "Sam"
