"""Removing the authenticator app and the recovery codes pages speak in the product's plain
words, not allauth's ("Deactivate Authenticator App", "two-factor authentication"), and the
downloaded file says what it is (issue 26)."""

from __future__ import annotations

import html
import re

from allauth.mfa.models import Authenticator
from django.test import Client

from coproduce.organisations.models import Organisation
from coproduce.organisations.roles import Role
from tests.factories import PASSWORD, MembershipFactory, add_totp, totp_now

ALLAUTH_WORDS = ("Deactivate", "Authenticator App", "two-factor", "Two-Factor", "Recovery Codes")


def _text(response: object) -> str:
    page = response.content.decode()  # type: ignore[attr-defined]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def _signed_in(organisation: Organisation, role: str) -> Client:
    member = MembershipFactory.create(organisation=organisation, role=role, user__username="fjones")
    add_totp(member.user)  # a practitioner may choose to use an app too
    client = Client()
    client.post("/auth/login/", {"login": "fjones", "password": PASSWORD})
    client.post("/auth/2fa/authenticate/", {"code": totp_now()})
    return client


def test_it_shows_and_downloads_recovery_codes_in_plain_words(organisation: Organisation) -> None:
    client = _signed_in(organisation, Role.MANAGER)
    made = client.post("/auth/2fa/recovery-codes/generate/", follow=True)
    codes = _text(made)
    assert "Save your recovery codes" in codes
    assert "Download your recovery codes (text file)" in codes
    assert not any(word in codes for word in ALLAUTH_WORDS)

    again = _text(client.get("/auth/2fa/recovery-codes/generate/"))
    assert "The codes you saved before will stop working." in again
    assert "Cancel" in again and not any(word in again for word in ALLAUTH_WORDS)

    download = client.get("/auth/2fa/recovery-codes/download/")
    assert download["Content-Type"].startswith("text/plain")
    text = download.content.decode()
    assert text.startswith("Coproduce: your recovery codes\n")
    assert "For signing in as fjones when you do not have your phone." in text
    assert "Each code works once." in text
    listed = [line for line in text.splitlines() if re.fullmatch(r"[0-9a-f]{8}", line)]
    assert len(listed) == 10


def test_a_manager_removing_her_app_is_told_she_must_set_one_up_again(
    organisation: Organisation,
) -> None:
    client = _signed_in(organisation, Role.MANAGER)
    overview = _text(client.get("/auth/2fa/"))
    assert "Remove your authenticator app" in overview
    page = _text(client.get("/auth/2fa/totp/deactivate/"))
    assert "Remove your authenticator app" in page and "Remove the app" in page
    assert "Admins and managers must use an authenticator app." in page
    assert not any(word in page for word in ALLAUTH_WORDS)

    gone = _text(client.post("/auth/2fa/totp/deactivate/", follow=True))
    assert not Authenticator.objects.filter(user__username="fjones").exists()
    assert "Your authenticator app is removed from your account" in gone
    assert "You have not set up an authenticator app." in gone
    # Managers cannot carry on without it: any other page leads to setting one up.
    assert client.get("/").url == "/auth/2fa/totp/activate/"  # type: ignore[attr-defined]


def test_a_practitioner_removing_her_app_is_not_told_about_managers(
    organisation: Organisation,
) -> None:
    client = _signed_in(organisation, Role.PRACTITIONER)
    page = _text(client.get("/auth/2fa/totp/deactivate/"))
    assert "Remove your authenticator app" in page
    assert "Admins and managers must" not in page
    gone = _text(client.post("/auth/2fa/totp/deactivate/", follow=True))
    assert "Your authenticator app is removed from your account" in gone
    assert "How you sign in" in gone
