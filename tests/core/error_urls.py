"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from coproduce.urls import handler400, handler403, handler404, handler500
from coproduce.urls import urlpatterns as site


def missing(request: HttpRequest) -> HttpResponse:
    raise Http404("No Project matches the given query.")


def refused(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("tampered")


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [
    path("fail/missing/", missing),
    path("fail/refused/", refused),
    path("fail/suspicious/", suspicious),
    path("fail/broken/", broken),
    *site,
]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
