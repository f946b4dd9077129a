"""API bearer tokens: who an API call acts as, resolved before TenancyMiddleware."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

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
        auth = request.headers.get("Authorization", "")
        if request.path.startswith("/api/") and auth.lower().startswith("bearer "):
            token = resolve_api_token(auth[7:].strip())
            request.user = token.user if token else AnonymousUser()
            request.api_token = token  # type: ignore[attr-defined]
        return self.get_response(request)
