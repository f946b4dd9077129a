from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django_scopes import scopes_disabled

from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.selectors import (
    choose_membership,
    memberships_of,
    resolve_api_token,
)

SESSION_ORGANISATION_KEY = "organisation_id"


class TenancyMiddleware:
    """Finds the member's organisation and runs the request inside its scope.

    API calls with a bearer token are resolved here too, so the pages and the API
    share one scoping path.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.api_token = None  # type: ignore[attr-defined]
        request.memberships = []  # type: ignore[attr-defined]
        auth = request.headers.get("Authorization", "")
        if request.path.startswith("/api/") and auth.lower().startswith("bearer "):
            token = resolve_api_token(auth[7:].strip())
            request.user = token.user if token else AnonymousUser()
            request.api_token = token  # type: ignore[attr-defined]
            membership = token.membership if token else None
        else:
            # Kept on the request: the home page lists the others without asking again.
            request.memberships = memberships_of(request.user)  # type: ignore[attr-defined]
            membership = choose_membership(
                request.memberships,  # type: ignore[attr-defined]
                request.session.get(SESSION_ORGANISATION_KEY),
            )
        request.membership = membership  # type: ignore[attr-defined]
        request.organisation = membership.organisation if membership else None  # type: ignore[attr-defined]

        # Superusers use Django's admin site across organisations, behind the same sign-in.
        if request.path.startswith("/django-admin/") and request.user.is_superuser:
            with scopes_disabled():
                return self.get_response(request)
        with organisation_scope(membership.organisation if membership else None):
            return self.get_response(request)


class UserLanguageMiddleware:
    """Each person reads the site in the language they chose (English or Welsh)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", None)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "en-gb")
        return response
