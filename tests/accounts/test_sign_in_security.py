"""Scenario: the accounts that can see everything are the best protected."""

from __future__ import annotations

import datetime

import time_machine
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from tests.conftest import client_for
from tests.factories import PASSWORD, TOTP_SECRET, MembershipFactory


def test_admins_must_set_up_two_step_sign_in_before_anything_else(organisation: object) -> None:
    admin = MembershipFactory.create(organisation=organisation, role=Role.ADMIN, two_factor=False)
    client = client_for(admin)
    for path in ["/", "/organisation/people/", "/audit/", "/django-admin/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/auth/2fa/totp/activate/", (
            path
        )
    # The set-up page itself is reachable (allauth first asks for the password again).
    setup = client.get("/auth/2fa/totp/activate/")
    assert setup.status_code == 200 or setup["Location"].startswith("/auth/reauthenticate/")


def test_young_people_may_choose_two_step_sign_in_but_are_not_made_to(
    young_person: Membership,
) -> None:
    assert client_for(young_person).get("/").status_code == 200


def test_totp_secrets_are_encrypted_at_rest(admin: Membership) -> None:
    stored = Authenticator.objects.get(user=admin.user).data["secret"]
    assert stored != TOTP_SECRET and TOTP_SECRET not in stored


def test_repeated_wrong_passwords_lock_sign_in_with_a_clear_message(
    practitioner: Membership,
) -> None:
    client = Client()
    for _ in range(6):
        response = client.post(
            "/auth/login/", {"login": practitioner.user.username, "password": "wrong-guess-123"}
        )
    html = response.content.decode()
    assert "Too many wrong passwords for this account" in html and "Try again in " in html
    assert f'value="{practitioner.user.username}"' in html  # what was typed is kept
    # Even the right password is refused while locked.
    right = client.post("/auth/login/", {"login": practitioner.user.username, "password": PASSWORD})
    assert "paused" in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_idle_session_ends_after_thirty_minutes(practitioner: Membership) -> None:
    client = client_for(practitioner)
    with time_machine.travel(datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC), tick=False):
        assert client.get("/").status_code == 200
    with time_machine.travel(
        datetime.datetime(2026, 11, 1, 10, 29, tzinfo=datetime.UTC), tick=False
    ):
        assert client.get("/").status_code == 200
    with time_machine.travel(
        datetime.datetime(2026, 11, 1, 11, 5, tzinfo=datetime.UTC), tick=False
    ):
        response = client.get("/organisation/people/")
    assert response.status_code == 302 and response["Location"].startswith("/auth/login/")


def test_pages_within_a_minute_do_not_rewrite_the_session(practitioner: Membership) -> None:
    client = client_for(practitioner)
    start = datetime.datetime(2026, 11, 1, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        client.get("/")
        first = client.session["last_seen_at"]
    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        assert client.session["last_seen_at"] == first
    assert not [q for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    with time_machine.travel(start + datetime.timedelta(minutes=2), tick=False):
        client.get("/")
        assert client.session["last_seen_at"] == first + 120


def test_every_page_sends_the_security_headers(db: None) -> None:
    response = Client().get("/auth/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "script-src 'self' 'nonce-" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "csrftoken" in response.cookies
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    from coproduce import settings as configured

    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    # Length and a common-password deny-list; no composition rules (NCSC).
    names = [str(v["NAME"]).rsplit(".", 1)[-1] for v in configured.AUTH_PASSWORD_VALIDATORS]  # type: ignore[index]
    assert "MinimumLengthValidator" in names and "CommonPasswordValidator" in names


def test_signing_in_starts_a_new_session(practitioner: Membership) -> None:
    client = Client()
    client.get("/auth/login/")
    client.session["probe"] = 1  # a session exists before sign-in
    session = client.session
    session.save()
    before = session.session_key
    client.post("/auth/login/", {"login": practitioner.user.username, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(practitioner.user_id)
    assert client.session.session_key != before


def test_changing_a_password_ends_every_other_session(practitioner: Membership) -> None:
    phone, laptop = client_for(practitioner), client_for(practitioner)
    assert phone.get("/credits/").status_code == 200
    response = laptop.post(
        "/auth/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a-much-fresher-new-phrase",
            "password2": "a-much-fresher-new-phrase",
        },
    )
    assert response.status_code == 302
    assert laptop.get("/credits/").status_code == 200  # the session that changed it carries on
    gone = phone.get("/credits/")
    assert gone.status_code == 302 and "/auth/login/" in gone["Location"]
