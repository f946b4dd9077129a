"""Error pages in the site's layout, saying what happened and what to do.

Django's handlers (handler400/403/404/500 in urls.py, CSRF_FAILURE_VIEW) serve them when
DEBUG is off. With DEBUG on Django would show its technical pages instead (a 404 there lists
every URL pattern), so ErrorPagesMiddleware serves ours in both modes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from coproduce.core.observability import request_id_for

logger = logging.getLogger("django.request")

TITLES: dict[int, Callable[[], str]] = {
    400: lambda: _("Sorry, there is a problem with your request"),
    403: lambda: _("You cannot use this page"),
    404: lambda: _("Page not found"),
    500: lambda: _("Sorry, there is a problem with the service"),
}


def error_page(
    request: HttpRequest, status: int, *, template: str | None = None, title: str | None = None
) -> HttpResponse:
    template = template or f"errors/{status}.html"
    context = {
        "title": title or TITLES[status](),
        "request_id": request_id_for(request),
    }
    try:
        response = render(request, template, context, status=status)
    except Exception:
        # The layout asks the database for the navigation: when that is what failed,
        # the same page without the request's context still says what to do.
        logger.exception("Could not render the %s page with the layout", status)
        html: str
        try:
            html = render_to_string(template, context)
        except Exception:
            html = f"<h1>{context['title']}</h1><p>{context['request_id']}</p>"
        response = HttpResponse(html, status=status)
    response.error_page = True  # type: ignore[attr-defined]
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return error_page(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: usually a form left open too long or cookies turned off."""
    return error_page(
        request, 403, template="errors/csrf.html", title=_("Sorry, your form could not be sent")
    )


class ErrorPagesMiddleware:
    """Last in MIDDLEWARE: our error pages whatever DEBUG says, inside the organisation's
    scope so the layout's navigation still shows."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # With DEBUG on, an address that matches no URL gets Django's technical 404 page.
        if (
            settings.DEBUG
            and response.status_code == 404
            and request.resolver_match is None
            and not getattr(response, "error_page", False)
        ):
            return page_not_found(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return permission_denied(request, exception)
        if isinstance(exception, SuspiciousOperation):
            logging.getLogger(f"django.security.{exception.__class__.__name__}").error(
                str(exception), exc_info=exception, extra={"status_code": 400}
            )
            return bad_request(request, exception)
        if isinstance(exception, BadRequest):
            return bad_request(request, exception)
        # Another middleware's way of answering (allauth's ImmediateHttpResponse): leave it.
        if isinstance(getattr(exception, "response", None), HttpResponseBase):
            return None
        if not settings.DEBUG:
            return None  # Django logs it, tells error reporting, and calls handler500
        # DEBUG on: the traceback goes to the console, the person sees the friendly page.
        signals.got_request_exception.send(sender=None, request=request)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"status_code": 500},
        )
        return server_error(request)
