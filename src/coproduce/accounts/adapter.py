from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coproduce.accounts import throttle
from coproduce.accounts.models import User


@dataclass
class _Attempt:
    """The hits a sign-in attempt counted; allauth calls rollback() when the password was right."""

    taken: list[throttle.Taken]

    def rollback(self) -> None:
        for taken in self.taken:
            throttle.give_back(taken)


def _account_paused(minutes: int) -> str:
    return ngettext(
        "Too many wrong passwords for this account, so signing in to it is paused to keep it "
        "safe. Try again in %(minutes)d minute, or ask your youth worker for a sign-in code.",
        "Too many wrong passwords for this account, so signing in to it is paused to keep it "
        "safe. Try again in %(minutes)d minutes, or ask your youth worker for a sign-in code.",
        minutes,
    ) % {"minutes": minutes}


def _address_paused(minutes: int) -> str:
    return ngettext(
        "Too many wrong passwords have been tried from this network (for example, a shared "
        "Wi-Fi), so signing in from it is paused. Try again in %(minutes)d minute.",
        "Too many wrong passwords have been tried from this network (for example, a shared "
        "Wi-Fi), so signing in from it is paused. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation, never by signing up."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Wrong two-step codes (allauth counts those per account).
        "too_many_login_attempts": _(
            "Too many wrong attempts, so sign-in to this account is paused to keep it safe. Wait 15 "
            "minutes and try again, or ask your youth worker for a sign-in code."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Someone who signed in a moment ago is not asked for their password again (allauth
        counts only a reauthentication as recent): setting up an authenticator app straight
        after a first sign-in goes straight to the app's QR code. Later on, it asks as usual."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        return not signed_in_recently(context.request)

    def get_login_redirect_url(self, request: HttpRequest) -> Any:
        user = request.user
        if getattr(user, "must_set_password", False):
            return "/account/set-password/"
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request: HttpRequest) -> str:
        address = throttle.client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Count the attempt per account, per (account, address) and per address before the
        password is checked; allauth gives the counts back when it was right. One account's
        wrong passwords pause that account, not everyone on the same Wi-Fi."""
        window = settings.SIGN_IN_LOCKOUT_MINUTES * 60
        account = _account_key(credentials)
        address = throttle.address_key(request)
        checks = [
            (
                throttle.Limit(
                    "sign-in-account-address", settings.SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS, window
                ),
                f"{account}|{address}",
                _account_paused,
            ),
            (
                throttle.Limit("sign-in-account", settings.SIGN_IN_FAILURES_PER_ACCOUNT, window),
                account,
                _account_paused,
            ),
            (
                throttle.Limit("sign-in-address", settings.SIGN_IN_FAILURES_PER_ADDRESS, window),
                address,
                _address_paused,
            ),
        ]
        attempt = _Attempt([])
        self._login_failed_rl_usage = attempt
        for limit, key, message in checks:
            taken = throttle.take(limit, key)
            attempt.taken.append(taken)
            if not taken.allowed:
                raise ValidationError(message(taken.minutes), code="too_many_login_attempts")


def signed_in_recently(request: HttpRequest | None) -> bool:
    """Whether this session's sign-in (recorded by SecurityMiddleware on the first page after
    it) was within ACCOUNT_REAUTHENTICATION_TIMEOUT seconds."""
    if request is None or not request.user.is_authenticated:
        return False
    signed_in_at = request.session.get("signed_in_at")
    if not isinstance(signed_in_at, int | float):
        return False
    return bool(time.time() - signed_in_at < account_settings.REAUTHENTICATION_TIMEOUT)


def _account_key(credentials: dict[str, Any]) -> str:
    """The account a sign-in names, however it was typed (username or e-mail, any case); a
    name that matches no single account is counted as typed."""
    login = str(credentials.get("email") or credentials.get("username") or "").strip().lower()
    ids = list(
        User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).values_list(
            "pk", flat=True
        )[:2]
    )
    return f"user:{ids[0]}" if len(ids) == 1 else f"login:{login}"
