"""How a JSON API call is authenticated: a staff bearer token or a staff session.

The bearer token is resolved by the accounts middleware before TenancyMiddleware, so the
pages and the API share one scoping path; these classes only read what it left on the request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if getattr(request, "api_token", None) is not None:
            return request.membership  # type: ignore[attr-defined]
        return None


class StaffSession(APIKeyCookie):
    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        membership = getattr(request, "membership", None)
        if request.user.is_authenticated and membership is not None and membership.is_staff_member:
            return membership
        return None


def auth_membership(request: HttpRequest) -> Membership:
    """The membership the API call acts as (set by the auth classes above)."""
    membership: Membership = request.auth  # type: ignore[attr-defined]
    return membership
