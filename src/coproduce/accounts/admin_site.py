"""The Django admin behind the product's own sign-in: no password form of its own, and only
for a superuser whose session passed two-step sign-in (ASVS 6.3.3, 6.4.x)."""

from __future__ import annotations

from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def passed_two_step(request: HttpRequest) -> bool:
    """This session signed in (or confirmed who it is) with a second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class SignedInAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and user.is_superuser
            and is_mfa_enabled(user)
            and passed_two_step(request)
        )

    @method_decorator(never_cache)
    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Never takes a password: it sends people to the product's sign-in (with its
        lock-out and second factor), or says why the admin is not theirs."""
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        if request.user.is_superuser and not is_mfa_enabled(request.user):
            return redirect("mfa_activate_totp")
        if request.user.is_superuser:
            # Signed in without the second factor in this session: ask for a code now.
            return redirect_to_login(next_url, reverse("mfa_reauthenticate"))
        raise PermissionDenied
