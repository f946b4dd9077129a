"""Scenario: people choose passwords an attacker who knows them would guess first: their
username with a year, their organisation's name, a phrase leaked from other websites. Each is
refused with a reason; a long passphrase of random words is accepted. No composition rules."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from coproduce.accounts.services import sign_in_code_issue
from coproduce.home.demo import DEMO_PASSWORD, load_demo
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.services import service_create
from tests.conftest import client_for
from tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db

PERSONAL = "must not contain your name, your username or the name of your organisation"
LEAKED = "has been leaked from other websites"


def change_password(client: Client, new: str) -> str:
    response = client.post(
        "/auth/password/change/",
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    return "" if response.status_code == 302 else response.content.decode()


@pytest.mark.parametrize(
    ("password", "why"),
    [
        pytest.param("Bob_Practitioner123", PERSONAL, id="username-and-digits"),
        pytest.param("practitioner-2026", PERSONAL, id="a-word-of-the-username-and-a-year"),
        pytest.param("BobsBigAdventure", PERSONAL, id="first-name"),
        pytest.param("Bryn Valley 2026!", PERSONAL, id="organisation-name"),
        pytest.param("brynvalleyyouthservice", PERSONAL, id="organisation-name-run-together"),
        pytest.param("riverside-drop-in-2026", PERSONAL, id="service-name"),
        pytest.param("iloveyou12345", LEAKED, id="leaked-phrase"),
        pytest.param("Whatever123", LEAKED, id="leaked-in-any-case"),
        pytest.param("trustno1trustno1", LEAKED, id="leaked-repeated"),
    ],
)
def test_a_practitioner_cannot_choose_a_password_about_themselves_or_a_leaked_one(
    practitioner: Membership, password: str, why: str
) -> None:
    service_create(
        acting_user=None, organisation=practitioner.organisation, name="Riverside Drop-in"
    )
    page = change_password(client_for(practitioner), password)
    assert why in page
    practitioner.user.refresh_from_db()
    assert practitioner.user.check_password(PASSWORD)  # unchanged


def test_a_long_passphrase_of_random_words_is_accepted(practitioner: Membership) -> None:
    assert change_password(client_for(practitioner), "violet kettle drums quietly") == ""
    practitioner.user.refresh_from_db()
    assert practitioner.user.check_password("violet kettle drums quietly")


def test_a_manager_cannot_use_their_role_and_digits(manager: Membership) -> None:
    with pytest.raises(ValidationError, match="must not contain your name"):
        validate_password("manager123", manager.user)  # username "mo_manager"
    validate_password("violet kettle drums quietly", manager.user)


def test_a_young_person_setting_their_first_password_is_told_why_it_is_refused(
    practitioner: Membership, young_person: Membership
) -> None:
    _code, raw = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    phone = Client()
    phone.post("/start/", {"code": raw})
    for weak, why in [("fran2010fran", PERSONAL), ("football2010", LEAKED)]:
        page = phone.post(
            "/account/set-password/", {"new_password1": weak, "new_password2": weak}
        ).content.decode()
        assert why in page
    young_person.user.refresh_from_db()
    assert young_person.user.check_password(PASSWORD)  # neither was saved


def test_the_checks_do_not_refuse_words_that_are_in_every_organisations_name(
    organisation: Organisation,
) -> None:
    person = MembershipFactory.create(
        organisation=organisation, user__username="kit", user__first_name="Kit"
    )
    # "Youth" and "Service" of "Bryn Valley Youth Service" are too common to refuse.
    validate_password("youth service runs on tea", person.user)


def test_the_demo_password_passes_the_checks_for_every_demo_person(db: None) -> None:
    """The demo loader sets passwords without the checks (no one chooses them); they must
    still be ones the checks would accept, so the demo shows a good example."""
    context = load_demo()
    assert context is not None
    for membership in context.people.values():
        validate_password(DEMO_PASSWORD, membership.user)
    with pytest.raises(ValidationError):
        validate_password("bryn-valley2026", context.people["manager"].user)
