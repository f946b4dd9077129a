"""Scenario: a new manager looks at the e-mail page before setting up two-step sign-in, and can
still set it up (issue 16, item 8)."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.test import Client

from coproduce.organisations.models import Organisation
from coproduce.organisations.roles import Role
from tests.factories import PASSWORD, MembershipFactory, totp_now


def test_a_manager_who_opens_the_email_page_first_can_still_set_up_two_step_sign_in(
    organisation: Organisation,
) -> None:
    manager = MembershipFactory.create(
        organisation=organisation, role=Role.MANAGER, two_factor=False, user__username="new_mia"
    )
    client = Client()
    client.post("/auth/login/", {"login": "new_mia", "password": PASSWORD})
    assert client.get("/auth/email/").status_code == 200
    # Opening the page recorded her address, unverified: what used to block set-up.
    assert EmailAddress.objects.filter(user=manager.user, verified=False).exists()

    # Just signed in, so no second password prompt (issue 26).
    page = client.get("/auth/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    done = client.post("/auth/2fa/totp/activate/", {"code": totp_now(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=manager.user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/organisation/people/").status_code == 200
