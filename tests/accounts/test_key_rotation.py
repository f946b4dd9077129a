"""Scenario: operations rotate SECRET_KEY and then the field-encryption key; everyone who
set up two-step sign-in can still sign in with their phone's code throughout."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from cryptography.fernet import InvalidToken
from django.core.cache import cache
from django.core.management import call_command

from coproduce.organisations.models import Membership
from tests.factories import TOTP_SECRET, MembershipFactory, totp_now


def _code_works(user: Any) -> bool:
    cache.clear()  # allauth refuses a code used a moment ago; each check here is a new sign-in
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return bool(TOTP(authenticator).validate_code(totp_now(TOTP_SECRET)))


@pytest.mark.django_db
def test_it_keeps_authenticators_working_through_secret_key_and_field_key_rotation(
    settings: Any, organisation: object
) -> None:
    settings.FIELD_ENCRYPTION_KEYS = ["first-field-key-0123456789abcdef"]
    admin = MembershipFactory.create(organisation=organisation, role="admin", two_factor=False)
    user = admin.user
    TOTP.activate(user, TOTP_SECRET)
    recovery = RecoveryCodes.activate(user)
    spare_code = recovery.generate_codes()[0]
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert TOTP_SECRET not in stored
    assert _code_works(user)

    # 1. A new SECRET_KEY (the old one leaked, say): authenticators do not depend on it.
    settings.SECRET_KEY = "a-brand-new-secret-key-" + "x" * 40
    assert _code_works(user)

    # 2. A new field key goes first; the old one stays until everything is re-encrypted.
    settings.FIELD_ENCRYPTION_KEYS = [
        "second-field-key-fedcba9876543210",
        *settings.FIELD_ENCRYPTION_KEYS,
    ]
    assert _code_works(user)
    call_command("rotate_field_keys")
    assert (
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"] != stored
    )

    # 3. The old key is removed: codes (and recovery codes) still work.
    settings.FIELD_ENCRYPTION_KEYS = ["second-field-key-fedcba9876543210"]
    assert _code_works(user)
    recovery_row = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    assert RecoveryCodes(recovery_row).validate_code(spare_code)


@pytest.mark.django_db
def test_it_refuses_to_rotate_a_secret_no_listed_key_opens(
    settings: Any, admin: Membership
) -> None:
    before = Authenticator.objects.get(user=admin.user).data
    settings.FIELD_ENCRYPTION_KEYS = ["a-key-nobody-used-before-000000000"]
    settings.SECRET_KEY = "another-secret-key-" + "y" * 40
    with pytest.raises(InvalidToken):
        call_command("rotate_field_keys")
    assert Authenticator.objects.get(user=admin.user).data == before  # nothing half-done


@pytest.mark.django_db
def test_it_still_reads_secrets_stored_before_field_keys_existed(
    settings: Any, organisation: object
) -> None:
    """Secrets encrypted with the SECRET_KEY-derived key (the old scheme) still decrypt,
    and rotate_field_keys moves them onto the field key."""
    import base64
    import hashlib

    from cryptography.fernet import Fernet

    admin = MembershipFactory.create(organisation=organisation, role="admin", two_factor=False)
    old = Fernet(base64.urlsafe_b64encode(hashlib.sha256(settings.SECRET_KEY.encode()).digest()))
    Authenticator.objects.create(
        user=admin.user,
        type=Authenticator.Type.TOTP,
        data={"secret": old.encrypt(TOTP_SECRET.encode()).decode()},
    )
    assert _code_works(admin.user)
    call_command("rotate_field_keys")
    settings.SECRET_KEY = "after-the-move-" + "z" * 40
    assert _code_works(admin.user)
