from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages.storage.base import BaseStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property


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


class LocaleMiddleware:
    """Django's LocaleMiddleware for a site without language prefixes in its URLs (no
    `i18n_patterns`): the language from the switch's cookie or the browser, without looking
    for one in the path twice on every request. A URLconf that does use prefixes gets
    Django's own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixed = DjangoLocaleMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if is_language_prefix_patterns_used(getattr(request, "urlconf", settings.ROOT_URLCONF))[0]:
            return cast(HttpResponseBase, self.prefixed(request))
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class LazyFallbackStorage(FallbackStorage):
    """MESSAGE_STORAGE: Django's FallbackStorage (a cookie, then the session), whose two
    storages are made when messages are first read or written, not on every request."""

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        BaseStorage.__init__(self, request, *args, **kwargs)
        self._used_storages: set[BaseStorage] = set()

    @cached_property
    def storages(self) -> list[BaseStorage]:
        return [storage_class(self.request) for storage_class in self.storage_classes]
