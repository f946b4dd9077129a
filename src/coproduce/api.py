"""The versioned JSON API: /api/v1/, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Authentication (`coproduce.core.api_auth`): a staff bearer token (resolved by the accounts
middleware before TenancyMiddleware, so scoping is identical to the pages) or a signed-in
staff session with CSRF.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from coproduce.core.api_auth import BearerToken, StaffSession
from coproduce.core.api_schema import document_errors, refuse_nul_characters


class CoproduceAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        # Every operation documents the errors it can answer with, so the schema is the truth.
        return document_errors(super().get_openapi_schema(**kwargs))


api = CoproduceAPI(
    title="Coproduce API",
    version="1",
    urls_namespace="api-v1",
    auth=[BearerToken(), StaffSession()],
    docs_url="/docs",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": _("Some values are not valid."), "errors": errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Sign in or send a valid bearer token.")}, status=401
    )


# PostgreSQL cannot store a NUL character: refuse it in any value, naming the field (422).
api.add_decorator(refuse_nul_characters)

# Each app that has an API exposes `router` in its api.py; mounted under its label.
for _config in apps.get_app_configs():
    _prefix = getattr(_config, "api_prefix", None)
    if _config.name.startswith("coproduce.") and _prefix:
        api.add_router(_prefix, import_string(f"{_config.name}.api.router"))
