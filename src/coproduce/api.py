"""The versioned JSON API: /api/v1/, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Authentication: a staff bearer token (resolved by TenancyMiddleware, so scoping is
identical to the pages) or a signed-in staff session with CSRF.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer

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


api = NinjaAPI(
    title="Coproduce API",
    version="1",
    urls_namespace="api-v1",
    auth=[BearerToken(), StaffSession()],
    docs_url="/docs",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": "You do not have permission to do this."}, status=403
    )


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": "Some values are not valid.", "errors": errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Sign in or send a valid bearer token."}, status=401
    )


# Each app that has an API exposes `router` in its api.py; mounted under its label.
for _config in apps.get_app_configs():
    _prefix = getattr(_config, "api_prefix", None)
    if _config.name.startswith("coproduce.") and _prefix:
        api.add_router(_prefix, import_string(f"{_config.name}.api.router"))
