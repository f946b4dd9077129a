"""WhiteNoise's hashed, compressed static files, each URL worked out once per process.

The manifest is read once and never changes while the process runs, but `url()` parses,
cleans and joins the name on every call: 80 µs a `{% static %}` tag on the bench, three
tags on every page (bench/results.md, 2026-11-30, second session). With DEBUG on the plain
names are linked, as before, and nothing is remembered.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name: str | None, force: bool = False) -> str:
        if force or settings.DEBUG or name is None:
            return str(super().url(name, force))
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = str(super().url(name))
        return found
