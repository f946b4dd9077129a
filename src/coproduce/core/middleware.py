from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class UserLanguageMiddleware:
    """Each person reads the site in the language they chose (English or Welsh)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Their own choice; else the switch's cookie on this browser (LocaleMiddleware has
        # read it); else their organisation's default; else the browser's Accept-Language.
        language = getattr(request.user, "language", None)
        if not language and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            organisation = getattr(request, "organisation", None)
            language = getattr(organisation, "default_language", None)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "en-gb")
        return response
