"""The outsider walk: every URL pattern and API route, requested by a member of
another organisation and by an anonymous visitor, must give back none of the
victim organisation's data.

URL kwargs are filled by *providers*: each `tests/<app>/walk.py` may define
PROVIDERS = {"<kwarg name>": callable(world) -> value}. A route whose kwarg has no
provider fails the walk, so a new route cannot slip through untested.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from coproduce.organisations.models import Membership, Organisation

T = TypeVar("T")

# Routes that hold no organisation's data, or belong to Django's own admin site.
SKIPPED_PREFIXES = ("django-admin/", "static/")


@dataclass
class World:
    """The victim organisation: everything an outsider must never see."""

    organisation: Organisation
    staff: Membership
    young_person: Membership
    markers: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def marker(self, label: str) -> str:
        """A unique string to put in a victim object's name; the walk looks for it."""
        value = f"VICTIM-{label}-{len(self.markers):03d}"
        self.markers.append(value)
        return value

    def once(self, key: str, make: Callable[[], T]) -> T:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]  # type: ignore[no-any-return]


Provider = Callable[[World], Any]


def load_providers() -> dict[str, Provider]:
    providers: dict[str, Provider] = {}
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.glob("*/walk.py")):
        if path.parent.name == "tenancy":
            module = importlib.import_module("tests.tenancy.providers")
        else:
            module = importlib.import_module(f"tests.{path.parent.name}.walk")
        providers.update(getattr(module, "PROVIDERS", {}))
    return providers


@dataclass
class Route:
    template: str  # e.g. "organisation/people/<int:membership_id>/"
    kwargs: list[str]
    regex: bool

    def fill(self, values: dict[str, Any]) -> str:
        url = self.template
        if self.regex:
            url = url.replace("^", "").replace("$", "").replace("\\Z", "")
            for name in self.kwargs:
                url = re.sub(r"\(\?P<" + name + r">[^)]*\)", str(values[name]), url)
            url = url.replace("\\", "").replace("?", "")
        else:
            url = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), url)
        return "/" + url


def _pattern_text(pattern: Any) -> tuple[str, bool]:
    if isinstance(pattern, RoutePattern):
        return str(pattern._route), False  # type: ignore[attr-defined]
    if isinstance(pattern, RegexPattern):
        return str(pattern._regex), True  # type: ignore[attr-defined]
    return str(pattern), False


def iter_routes(
    resolver: URLResolver | None = None, prefix: str = "", regex: bool = False
) -> Iterator[Route]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        text, is_regex = _pattern_text(entry.pattern)
        if prefix.endswith("$") or prefix.endswith("\\Z"):
            continue
        full = prefix + (text.lstrip("^") if prefix else text)
        if isinstance(entry, URLResolver):
            yield from iter_routes(entry, full, regex or is_regex)
        elif isinstance(entry, URLPattern):
            kwargs = sorted(
                set(re.findall(r"<(?:\w+:)?(\w+)>", full)) | set(re.findall(r"\(\?P<(\w+)>", full))
            )
            yield Route(template=full, kwargs=kwargs, regex=regex or is_regex)


def walkable_routes() -> list[Route]:
    return [r for r in iter_routes() if not r.template.lstrip("^").startswith(SKIPPED_PREFIXES)]
