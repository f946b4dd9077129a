"""Sign-in codes for young people without e-mail, passwords and API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import ApiToken, SignInCode, User
from coproduce.accounts.security import hash_secret
from coproduce.audit.services import audit_record
from coproduce.core.tenancy import all_organisations

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
CODE_LIFETIME = timedelta(days=7)


class SignInCodeError(Exception):
    """A code that cannot be used; the message says what to do."""


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def sign_in_code_issue(*, acting_user: User, membership: Membership) -> tuple[SignInCode, str]:
    """Issue a new one-time code; any earlier unused code stops working."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    now = timezone.now()
    with transaction.atomic():
        SignInCode.objects.filter(
            organisation=membership.organisation, user=membership.user, used_at__isnull=True
        ).update(expires_at=now)
        code = SignInCode.objects.create(
            organisation=membership.organisation,
            user=membership.user,
            code_hash=hash_secret(raw),
            created_by=acting_user,
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="sign_in_code.issue",
            target=membership,
        )
    return code, raw


def sign_in_code_redeem(*, raw_code: str) -> User:
    """Use a code once. Raises SignInCodeError with a message a young person can act on."""
    code_hash = hash_secret(normalise_code(raw_code))
    with transaction.atomic(), all_organisations():
        code = (
            SignInCode.objects.select_for_update()
            .filter(code_hash=code_hash)
            .select_related("user", "organisation")
            .first()
        )
        if code is None:
            raise SignInCodeError(_("That code is not right. Check it and try again."))
        if code.used_at is not None:
            raise SignInCodeError(
                _(
                    "That code has already been used. Sign in with your username and password, or ask your youth worker for a new code."
                )
            )
        if code.expires_at <= timezone.now():
            raise SignInCodeError(_("That code has run out. Ask your youth worker for a new one."))
        if not code.user.is_active:
            raise SignInCodeError(_("This account is closed. Talk to your youth worker."))
        code.used_at = timezone.now()
        code.save(update_fields=["used_at"])
        audit_record(
            acting_user=code.user,
            organisation=code.organisation,
            verb="sign_in_code.use",
            target=code,
        )
    return code.user


def api_token_create(
    *, acting_user: User, membership: Membership, name: str
) -> tuple[ApiToken, str]:
    raw = "cp_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            organisation=membership.organisation,
            user=membership.user,
            name=name,
            key_hash=hash_secret(raw),
            prefix=raw[:8],
        )
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="api_token.create",
            target=token,
        )
    return token, raw


def language_set(*, user: User, language: str) -> None:
    with transaction.atomic():
        user.language = language
        user.full_clean()
        user.save(update_fields=["language"])


def password_set(*, user: User, password: str, membership: Membership | None) -> None:
    """Set a (validated) password and stop asking for one."""
    with transaction.atomic():
        user.set_password(password)
        user.must_set_password = False
        user.save(update_fields=["password", "must_set_password"])
        if membership is not None:
            audit_record(
                acting_user=user,
                organisation=membership.organisation,
                verb="password.set",
                target=user,
            )


def api_token_revoke(*, acting_user: User, token: ApiToken) -> ApiToken:
    with transaction.atomic():
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(
                acting_user=acting_user,
                organisation=token.organisation,
                verb="api_token.revoke",
                target=token,
            )
    return token
