"""Scenario: Sam hands Jade a printed code; it works once, for a week."""

from __future__ import annotations

import datetime

import time_machine
from django.test import Client

from coproduce.accounts.services import sign_in_code_issue
from coproduce.organisations.models import Membership
from tests.conftest import client_for


def test_it_prints_a_code_with_a_qr_and_signs_the_young_person_in_once(
    practitioner: Membership, young_person: Membership
) -> None:
    page = client_for(practitioner).post(f"/organisation/people/{young_person.pk}/sign-in-code/")
    html = page.content.decode()
    assert "<svg" in html and young_person.user.username in html
    assert page["Cache-Control"] == "no-store"
    code = html.split('data-testid="sign-in-code">')[1].split("<")[0]

    phone = Client()
    response = phone.post("/start/", {"code": code.lower()})
    assert response.status_code == 302 and response["Location"] == "/account/set-password/"
    again = Client().post("/start/", {"code": code})
    assert "already been used" in again.content.decode()


def test_it_explains_an_expired_code_and_keeps_it_in_the_box(
    practitioner: Membership, young_person: Membership
) -> None:
    with time_machine.travel(datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC)):
        _code, raw = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    with time_machine.travel(datetime.datetime(2026, 11, 9, 10, tzinfo=datetime.UTC)):
        response = Client().post("/start/", {"code": raw})
    html = response.content.decode()
    assert "That code has run out. Ask your youth worker for a new one." in html
    assert f'value="{raw}"' in html


def test_it_stops_an_old_code_when_a_new_one_is_made(
    practitioner: Membership, young_person: Membership
) -> None:
    _first, old = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    _second, new = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    assert "run out" in Client().post("/start/", {"code": old}).content.decode()
    assert Client().post("/start/", {"code": new}).status_code == 302


def test_it_says_when_a_code_is_wrong(db: None) -> None:
    assert "That code is not right" in Client().post("/start/", {"code": "NOPE"}).content.decode()


def test_it_makes_the_young_person_choose_a_password_then_sign_in_with_it(
    practitioner: Membership, young_person: Membership
) -> None:
    _code, raw = sign_in_code_issue(acting_user=practitioner.user, membership=young_person)
    phone = Client()
    phone.post("/start/", {"code": raw})
    weak = phone.post(
        "/account/set-password/", {"new_password1": "password", "new_password2": "password"}
    )
    assert "too common" in weak.content.decode() or "too short" in weak.content.decode()
    phone.post(
        "/account/set-password/",
        {"new_password1": "purple lantern otter", "new_password2": "purple lantern otter"},
    )
    young_person.user.refresh_from_db()
    assert young_person.user.check_password("purple lantern otter")
    assert not young_person.user.must_set_password
