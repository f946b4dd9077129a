"""Home dashboard panels gathered from every app.

An app lists panels in its AppConfig as `dashboard = ["coproduce.x.dashboard.panel"]`;
each panel is `panel(request) -> dict | None` returning {"template": ..., "order": n, ...}
or None when it has nothing to show that member.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import import_string


def dashboard_panels(request: HttpRequest) -> list[dict[str, Any]]:
    panels = []
    for config in apps.get_app_configs():
        for path in getattr(config, "dashboard", ()):
            panel = import_string(path)(request)
            if panel:
                panels.append(panel)
    panels.sort(key=lambda p: p.get("order", 50))
    return panels


_MARKER = 987654321


def link_each(rows: list[dict[str, Any]], route: str, kwarg: str, key: str = "id") -> None:
    """Give each row its `url` for a route taking one whole-number id, reversing the route once.

    A panel lists up to eight things; a `{% url %}` for each was a tenth of the home page.
    """
    before, marker, after = reverse(route, kwargs={kwarg: _MARKER}).partition(str(_MARKER))
    if not marker:
        raise ValueError(f"{route} does not take a whole-number {kwarg}")
    for row in rows:
        row["url"] = f"{before}{int(row[key])}{after}"
