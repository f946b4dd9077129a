"""Headers every response carries: no caching of signed-in answers, no powerful browser features.

Pages and API answers for a signed-in person hold children's data and are opened on shared
devices (a youth club laptop), so neither the browser nor a proxy may keep a copy. No page uses
the camera, microphone or location (photos are chosen with a plain file input, and check-in
codes are scanned with the phone's own camera app), so the browser is told to refuse them.
"""

from __future__ import annotations

from collections.abc import Callable

import csp.middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
)


def _signed_in(request: HttpRequest) -> bool:
    if getattr(request, "api_token", None) is not None:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Keep a stricter answer's own value (private files say "private, no-store").
        if _signed_in(request) and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        return response


# A placeholder for the request's nonce in a policy built once (never a real nonce: those
# are base64, which has no dash).
_NONCE_MARK = "coproduce-nonce-mark"
# Set by django-csp's decorators on a view's response: such a response's policy is built
# for it, as django-csp does.
_PER_RESPONSE = frozenset(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)
_POLICIES = (
    (HEADER, "CONTENT_SECURITY_POLICY", False),
    (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
)


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's, with each policy built once (per settings object) instead of on every
    response: building it took longer than the rest of a bare request's headers together.
    A response that a django-csp decorator changed is built as django-csp builds it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        super().__init__(get_response)
        self._built: dict[str, tuple[object, str, str]] = {}

    def _policy(self, name: str, report_only: bool) -> tuple[str, str, tuple[str, ...]]:
        """(with the nonce mark, without a nonce, excluded URL prefixes) for one setting."""
        policy = getattr(settings, name, None) or {}
        built = self._built.get(name)
        if built is None or built[0] is not policy:
            built = (
                policy,
                build_policy(nonce=_NONCE_MARK, report_only=report_only),
                build_policy(report_only=report_only),
            )
            self._built[name] = built
        return built[1], built[2], tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not _PER_RESPONSE.isdisjoint(vars(response)) or (
            settings.DEBUG and response.status_code in (404, 500)
        ):
            return super().process_response(request, response)
        nonce = getattr(request, "_csp_nonce", None)
        for header, name, report_only in _POLICIES:
            marked, plain, excluded = self._policy(name, report_only)
            if (
                plain
                and header not in response
                and not (excluded and request.path_info.startswith(excluded))
            ):
                response[header] = marked.replace(_NONCE_MARK, nonce) if nonce else plain
        if nonce is None:
            # As django-csp does: a nonce asked for after the header is written is an error.
            request.csp_nonce = csp.middleware.CheckableLazyObject(  # type: ignore[attr-defined]
                self._csp_nonce_post_response
            )
        return response
