"""Which organisation a request works in: the member's chosen membership, as a scope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from coproduce.core.tenancy import all_organisations, organisation_scope
from coproduce.organisations.selectors import choose_membership, memberships_of

# The organisation a member chose to work in (one person may belong to several).
SESSION_ORGANISATION_KEY = "organisation_id"


class TenancyMiddleware:
    """Finds the member's organisation and runs the request inside its scope.

    An API call with a bearer token was resolved by `accounts.middleware.ApiTokenMiddleware`
    (which runs first): it acts as the token's membership, so the pages and the API share one
    scoping path.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token: Any = getattr(request, "api_token", None)
        request.api_token = token  # type: ignore[attr-defined]
        if token is not None:
            request.memberships = []  # type: ignore[attr-defined]
            membership = token.membership
        else:
            # Kept on the request: the home page lists the others without asking again.
            # Read with the user from the shared cache when it is on (accounts.member_cache).
            cached = getattr(request.user, "cached_memberships", None)
            memberships = list(cached) if cached is not None else memberships_of(request.user)
            request.memberships = memberships  # type: ignore[attr-defined]
            # A refused bearer token leaves an anonymous user: no session to read.
            membership = (
                choose_membership(memberships, request.session.get(SESSION_ORGANISATION_KEY))
                if request.user.is_authenticated
                else None
            )
        request.membership = membership  # type: ignore[attr-defined]
        request.organisation = membership.organisation if membership else None  # type: ignore[attr-defined]

        # Superusers use Django's admin site across organisations, behind the same sign-in.
        if request.path.startswith("/django-admin/") and request.user.is_superuser:
            with all_organisations():
                return self.get_response(request)
        with organisation_scope(membership.organisation if membership else None):
            return self.get_response(request)
