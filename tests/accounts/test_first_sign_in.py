"""Scenario: Jade Morgan, a new manager, signs in for the first time. Straight after her
password she is shown how to set up an authenticator app (no second password prompt), in plain
words; the QR code says what it is and the key is there to type; she then saves her recovery
codes and the banner greets her by name (issue 26)."""

from __future__ import annotations

import re
import time

from allauth.mfa.models import Authenticator
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import override_settings

from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from tests.factories import PASSWORD, MembershipFactory, totp_now


def _text(response: object) -> str:
    html = response.content.decode()  # type: ignore[attr-defined]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _new_manager(organisation: Organisation) -> Membership:
    return MembershipFactory.create(
        organisation=organisation,
        role=Role.MANAGER,
        two_factor=False,
        user__username="jmorgan",
        user__first_name="Jade",
        user__last_name="Morgan",
    )


def test_a_new_manager_goes_from_her_password_to_setting_up_the_app_without_a_second_prompt(
    organisation: Organisation,
) -> None:
    manager = _new_manager(organisation)
    client = Client()
    signed = client.post("/auth/login/", {"login": "jmorgan", "password": PASSWORD}, follow=True)

    # Every page sends her to set-up first; it opens, not "Confirm Access".
    assert signed.redirect_chain[-1][0] == "/auth/2fa/totp/activate/"
    assert signed.status_code == 200
    page = _text(signed)
    assert "Set up an authenticator app" in page
    assert "Confirm Access" not in page and "reauthenticate" not in page.lower()
    assert "Signed in as Jade Morgan" in page
    assert "jmorgan" not in page.replace("Signed in as Jade Morgan", "")

    # Plain words: no title case, no jargon; the picture says what it is; the key is text.
    assert "two-factor" not in page.lower() and "Activate Authenticator App" not in page
    assert "a code from an app on your phone" in page
    html = signed.content.decode()
    secret = client.session["mfa.totp.secret"]
    assert 'alt="QR code to scan with your authenticator app"' in html
    assert secret not in re.findall(r'alt="([^"]*)"', html)[0]
    assert "I cannot scan the QR code" in page
    typed_key = re.search(r'id="authenticator-key"[^>]*>([^<]+)<', html)
    assert typed_key and typed_key.group(1).replace(" ", "") == secret
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html

    # An empty box says what to type.
    empty = client.post("/auth/2fa/totp/activate/", {"code": ""})
    assert "Enter the 6 numbers from your authenticator app" in _text(empty)
    assert "This field is required" not in _text(empty)

    done = client.post("/auth/2fa/totp/activate/", {"code": totp_now(secret)}, follow=True)
    assert Authenticator.objects.filter(user=manager.user, type=Authenticator.Type.TOTP).exists()
    codes = _text(done)
    assert "Save your recovery codes" in codes
    assert "Recovery Codes" not in codes
    # (allauth adds its banner once the database commits, after this test's response.)
    assert "Your authenticator app is set up" in render_to_string("mfa/messages/totp_activated.txt")
    assert client.get("/organisation/people/").status_code == 200


def test_a_session_signed_in_long_ago_is_still_asked_for_the_password(
    organisation: Organisation,
) -> None:
    _new_manager(organisation)
    client = Client()
    client.post("/auth/login/", {"login": "jmorgan", "password": PASSWORD})
    client.get("/")
    session = client.session
    session["signed_in_at"] = int(time.time()) - 301
    session.save()
    with override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=300):
        asked = client.get("/auth/2fa/totp/activate/")
    assert asked.status_code == 302 and asked["Location"].startswith("/auth/reauthenticate/")
    page = _text(client.get(asked["Location"]))
    assert "Enter your password again" in page
    assert "Confirm Access" not in page and "Please reauthenticate" not in page
    refused = _text(client.post(asked["Location"], {"password": ""}))
    assert "Enter your password" in refused and "This field is required" not in refused


def test_signing_in_with_the_app_and_out_again_reads_plainly(organisation: Organisation) -> None:
    manager = MembershipFactory.create(
        organisation=organisation,
        role=Role.MANAGER,
        user__username="fjones",
        user__first_name="Fran",
        user__last_name="Jones",
    )
    client = Client()
    step = client.post("/auth/login/", {"login": "fjones", "password": PASSWORD}, follow=True)
    page = _text(step)
    assert "Enter a code from your authenticator app" in page
    assert "Two-Factor Authentication" not in page and "Sign In" not in page
    assert "I do not have my phone" in page
    home = client.post("/auth/2fa/authenticate/", {"code": totp_now()}, follow=True)
    assert "Signed in as Fran Jones" in _text(home)
    assert "Successfully" not in _text(home)

    leaving = _text(client.get("/auth/logout/"))
    assert "Do you want to sign out?" in leaving and "Sign Out" not in leaving
    gone = client.post("/auth/logout/", follow=True)
    assert "You are signed out" in _text(gone)
    assert manager.user.display_name == "Fran Jones"


def test_the_pages_about_how_she_signs_in_are_in_plain_words(organisation: Organisation) -> None:
    MembershipFactory.create(
        organisation=organisation,
        role=Role.MANAGER,
        user__username="fjones",
        user__first_name="Fran",
    )
    client = Client()
    client.post("/auth/login/", {"login": "fjones", "password": PASSWORD})
    client.post("/auth/2fa/authenticate/", {"code": totp_now()})
    overview = _text(client.get("/auth/2fa/"))
    assert "How you sign in" in overview and "Two-Factor" not in overview
    assert "Make new recovery codes" in overview
    generate = _text(client.get("/auth/2fa/recovery-codes/generate/"))
    assert "Make new recovery codes" in generate and "Recovery Codes" not in generate
