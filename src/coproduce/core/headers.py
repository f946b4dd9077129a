"""Headers every response carries: no caching of signed-in answers, no powerful browser features.

Pages and API answers for a signed-in person hold children's data and are opened on shared
devices (a youth club laptop), so neither the browser nor a proxy may keep a copy. No page uses
the camera, microphone or location (photos are chosen with a plain file input, and check-in
codes are scanned with the phone's own camera app), so the browser is told to refuse them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
