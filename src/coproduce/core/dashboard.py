"""Home dashboard panels gathered from every app.

An app lists panels in its AppConfig as `dashboard = ["coproduce.x.dashboard.panel"]`;
each panel is `panel(request) -> dict | None` returning {"template": ..., "order": n, ...}
or None when it has nothing to show that member.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
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
