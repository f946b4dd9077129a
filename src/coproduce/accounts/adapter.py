from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation, never by signing up."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many wrong attempts, so sign-in to this account is paused to keep it safe. Wait 15 "
            "minutes and try again, or ask your youth worker for a sign-in code."
        ),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> Any:
        user = request.user
        if getattr(user, "must_set_password", False):
            return "/account/set-password/"
        return super().get_login_redirect_url(request)
