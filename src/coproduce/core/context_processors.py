from __future__ import annotations

import functools
from typing import Any

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import get_language

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
    """The layout's links (`links`), and the HTML of the role-based service navigation
    (gathered from each app's `nav` list) and of the footer: `service_navigation`, `footer`."""
    urlconf, prefix = get_urlconf(), get_script_prefix()
    links, nav = _links(urlconf, prefix)
    membership = getattr(request, "membership", None)
    shown: tuple[tuple[int, bool, bool], ...] = ()
    if membership is not None:
        path = request.path
        shown = tuple(
            (index, path == url, path == url or (url != "/" and path.startswith(url)))
            for index, (_label, url, capability) in enumerate(nav)
            if membership.can(capability)
        )
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    staff = bool(membership and membership.is_staff_member)
    language = get_language()
    remembered = not settings.DEBUG
    navigation_html = _remembered_navigation if remembered else _navigation
    footer_html = _remembered_footer if remembered else _footer
    return {
        "links": links,
        "service_navigation": navigation_html(urlconf, prefix, language, signed_in, shown),
        "footer": footer_html(urlconf, prefix, language, staff),
    }


def _navigation(
    urlconf: str | None,
    prefix: str,
    language: str | None,
    signed_in: bool,
    shown: tuple[tuple[int, bool, bool], ...],
) -> SafeString:
    links, nav = _links(urlconf, prefix)
    items = [
        {"text": nav[index][0], "href": nav[index][1], "current": current, "active": active}
        for index, current, active in shown
    ]
    context = {"nav_items": items, "links": links, "signed_in": signed_in}
    return SafeString(render_to_string("components/service_navigation.html", context))


def _footer(urlconf: str | None, prefix: str, language: str | None, staff: bool) -> SafeString:
    context = {"links": _links(urlconf, prefix)[0], "staff": staff}
    return SafeString(render_to_string("components/footer.html", context))


# Each layout part is the same HTML for everyone with the same links, language, role and
# page, so it is made once per process for each (a few dozen at most), not on every page: the
# navigation and footer were 1 ms of the home page's 9 on the bench. The language is in the
# key because the template is rendered in the language active when it is first made. DEBUG
# renders them every time, so edits to the templates show at once.
_remembered_navigation = functools.lru_cache(maxsize=512)(_navigation)
_remembered_footer = functools.lru_cache(maxsize=64)(_footer)


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
