"""Sign-in security: two-step sign-in for those who hold the keys, session timeouts,
and TOTP secrets encrypted at rest."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.messages import info
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from coproduce.accounts import keys
from coproduce.accounts.member_cache import TWO_STEP_ATTRIBUTE
from coproduce.organisations.roles import Role

# Roles that must use two-step sign-in: they can see and change everyone's records.
TWO_FACTOR_ROLES = {Role.ADMIN, Role.MANAGER}
# Pages a person must reach to set two-step sign-in up (or leave).
OPEN_PREFIXES = ("/auth/", "/static/", "/healthz", "/accessibility/", "/privacy/")


def hash_secret(secret: str) -> str:
    """How sign-in codes and API tokens are stored: only a hash of what the person holds."""
    return hashlib.sha256(secret.encode()).hexdigest()


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery seeds are stored encrypted (FIELD_ENCRYPTION_KEYS)."""

    def encrypt(self, text: str) -> str:
        return keys.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return keys.decrypt(encrypted_text)


def needs_two_factor(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    membership = getattr(request, "membership", None)
    required = user.is_superuser or (membership is not None and membership.role in TWO_FACTOR_ROLES)
    if not required:
        return False
    # Read with the person from the shared cache when it is on; otherwise asked now.
    enabled = getattr(user, TWO_STEP_ATTRIBUTE, None)
    return not (is_mfa_enabled(user) if enabled is None else enabled)


class SecurityMiddleware:
    """Idle and absolute session timeouts, and two-step sign-in for admins and managers
    (the Django admin site included) before any other page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not getattr(request, "api_token", None):
            now = int(time.time())
            started = request.session.setdefault("signed_in_at", now)
            last = request.session.get("last_seen_at", now)
            if (
                now - last > settings.SESSION_IDLE_SECONDS
                or now - started > settings.SESSION_ABSOLUTE_SECONDS
            ):
                logout(request)
                info(
                    request,
                    _("You were signed out to keep your account safe. Sign in again to carry on."),
                )
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            # Writing the session on every request costs a database write per page; a
            # minute's precision is plenty for an idle timeout measured in minutes.
            if now - last >= 60 or "last_seen_at" not in request.session:
                request.session["last_seen_at"] = now
            if needs_two_factor(request) and not request.path.startswith(OPEN_PREFIXES):
                return redirect("mfa_activate_totp")
        return self.get_response(request)
