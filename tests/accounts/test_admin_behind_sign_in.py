"""Scenario: the Django admin has no way in of its own. A superuser signs in through the
product's sign-in, lock-out and second factor, or not at all (issue 16, item 1)."""

from __future__ import annotations

import pytest
from django.test import Client

from coproduce.accounts.models import User
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import PASSWORD, UserFactory, add_totp, totp_now


@pytest.fixture
def superuser(db: None) -> User:
    user = UserFactory.create(username="root_rhian", is_staff=True, is_superuser=True)
    add_totp(user)
    return user


def test_it_takes_no_password_at_the_django_admins_own_sign_in(superuser: User) -> None:
    client = Client()
    response = client.post(
        "/django-admin/login/?next=/django-admin/",
        {"username": superuser.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/auth/login/?next=/django-admin/")
    assert "_auth_user_id" not in client.session
    assert client.get("/django-admin/auth/group/").status_code == 302


def test_it_lets_the_admin_in_only_after_the_second_factor(superuser: User) -> None:
    client = Client()
    signed = client.post("/auth/login/", {"login": superuser.username, "password": PASSWORD})
    assert signed["Location"] == "/auth/2fa/authenticate/"
    # The password alone: still no admin.
    refused = client.get("/django-admin/")
    assert refused.status_code == 302 and refused["Location"].startswith("/django-admin/login/")
    assert client.get(refused["Location"])["Location"].startswith("/auth/login/")

    client.post("/auth/2fa/authenticate/", {"code": totp_now()})
    assert client.session.get("_auth_user_id") == str(superuser.pk)
    assert client.get("/django-admin/").status_code == 200


def test_a_session_that_skipped_the_second_factor_is_asked_for_a_code(superuser: User) -> None:
    client = Client()
    client.force_login(superuser)  # a session signed in some other way, with no code
    refused = client.get("/django-admin/")
    assert refused.status_code == 302
    asked = client.get(refused["Location"])
    assert asked["Location"].startswith("/auth/2fa/reauthenticate/?next=/django-admin/")
    client.post("/auth/2fa/reauthenticate/", {"code": totp_now()})
    assert client.get("/django-admin/").status_code == 200


def test_organisation_admins_are_not_let_into_the_django_admin(admin: Membership) -> None:
    client = client_for(admin)
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 403
