from __future__ import annotations

import functools
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise

# Links in every page's header, navigation and footer: `{{ links.<key> }}` in templates.
LAYOUT_LINKS = {
    "home": "home",
    "accessibility": "accessibility",
    "privacy": "privacy",
    "account": "accounts:profile",
    "sign_in": "account_login",
    "sign_out": "account_logout",
    "language": "accounts:language",
}


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Role-based service navigation, gathered from each app's `nav` list, and the layout's
    links (`links`)."""
    links, nav = _links(get_urlconf(), get_script_prefix())
    membership = getattr(request, "membership", None)
    if membership is None:
        return {"nav_items": [], "links": links}
    path = request.path
    return {
        "links": links,
        "nav_items": [
            {
                "text": label,
                "href": url,
                "current": path == url,
                "active": path == url or (url != "/" and path.startswith(url)),
            }
            for label, url, capability in nav
            if membership.can(capability)
        ],
    }


@functools.lru_cache(maxsize=8)
def _links(
    urlconf: str | None, prefix: str
) -> tuple[dict[str, str], tuple[tuple[Promise, str, str], ...]]:
    """The URLs are the same on every request (for a URLconf and script prefix), so they are
    reversed once; the labels stay lazy, so each request reads them in its own language."""
    items = []
    for config in apps.get_app_configs():
        for label, url_name, capability, order in getattr(config, "nav", ()):
            try:
                items.append((order, label, reverse(url_name, urlconf=urlconf), capability))
            except NoReverseMatch:
                continue
    items.sort(key=lambda item: item[0])
    links = {key: reverse(name, urlconf=urlconf) for key, name in LAYOUT_LINKS.items()}
    return links, tuple((label, url, capability) for _, label, url, capability in items)
