from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Role-based service navigation, gathered from each app's `nav` list."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return {"nav_items": []}
    items = []
    for config in apps.get_app_configs():
        for label, url_name, capability, order in getattr(config, "nav", ()):
            if not membership.can(capability):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append((order, label, url))
    items.sort(key=lambda item: item[0])
    path = request.path
    return {
        "nav_items": [
            {
                "text": label,
                "href": url,
                "current": path == url,
                "active": path == url or (url != "/" and path.startswith(url)),
            }
            for _, label, url in items
        ]
    }
