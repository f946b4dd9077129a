"""API bearer tokens: who an API call acts as, resolved before TenancyMiddleware."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from coproduce.accounts import throttle
from coproduce.accounts.selectors import resolve_api_token


class ApiTokenMiddleware:
    """Sets `request.api_token` (None unless a valid bearer token came with an API call) and,
    for a bearer call, `request.user` to the token's holder (anonymous when it is refused).

    TenancyMiddleware, next, then acts as `request.api_token.membership`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.api_token = None  # type: ignore[attr-defined]
        auth = (
            request.META.get("HTTP_AUTHORIZATION", "") if request.path.startswith("/api/") else ""
        )
        if auth[:7].lower() == "bearer ":
            token = resolve_api_token(auth[7:].strip())
            # A wrong token counts against the address; a right one against itself. A valid
            # token still works from an address others spoil (tokens are too long to guess).
            if token is None:
                taken = throttle.take(
                    throttle.Limit("api-bad-token", settings.API_BAD_TOKENS_PER_ADDRESS, 10 * 60),
                    throttle.address_key(request),
                )
            else:
                taken = throttle.take(
                    throttle.Limit("api-token", settings.API_REQUESTS_PER_TOKEN_PER_MINUTE, 60),
                    str(token.token.pk),
                )
            if not taken.allowed:
                return too_many_requests(taken)
            request.user = token.user if token else AnonymousUser()
            request.api_token = token  # type: ignore[attr-defined]
        return self.get_response(request)


def too_many_requests(taken: throttle.Taken) -> HttpResponse:
    response = JsonResponse(
        {
            "detail": _("Too many requests. Try again in %(seconds)d seconds.")
            % {"seconds": taken.retry_after}
        },
        status=429,
    )
    response["Retry-After"] = str(taken.retry_after)
    return response
