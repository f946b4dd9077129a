"""Typed extension points: where an app plugs a function into a shared page or process.

An app registers its callables in its `AppConfig.ready()`, for example

    from coproduce.core import hooks
    from coproduce.projects import dashboard
    hooks.home_panels.register(dashboard.overdue_panel)

so a search for a panel's name finds where it is used, and mypy checks every signature
against the Protocols below. Registration order is INSTALLED_APPS order, as `ready()` runs.
Nothing here imports an app: `core` is the foundation every app builds on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile
    from django.http import HttpRequest

    from coproduce.core.dashboard import Asking
    from coproduce.core.demo import DemoContext

T = TypeVar("T")


class Registry(Generic[T]):
    """An ordered set of callables one kind of hook accepts."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._items: list[T] = []

    def register(self, item: T) -> T:
        """Add `item` once (a second `ready()` call, as in some test runners, adds nothing)."""
        if item not in self._items:
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)


class Export(Protocol):
    """Everything held about that person in this organisation, JSON-ready, by section."""

    def __call__(self, membership: Any, /) -> dict[str, list[dict[str, Any]]]: ...


class Erase(Protocol):
    """Anonymise in place: remove what identifies them, keep totals and statistics right."""

    def __call__(self, membership: Any, /, *, acting_user: Any) -> None: ...


class Files(Protocol):
    """The stored files about that person, each with its name in the subject-access ZIP."""

    def __call__(self, membership: Any, /) -> list[tuple[str, FieldFile]]: ...


def no_files(membership: Any, /) -> list[tuple[str, FieldFile]]:
    return []


class HeldBack(Protocol):
    """Records about the person that a subject-access export must not release until someone
    reviews them (safeguarding records): one row each, describing it, never its content."""

    def __call__(self, membership: Any, /) -> list[dict[str, Any]]: ...


def nothing_held_back(membership: Any, /) -> list[dict[str, Any]]:
    return []


@dataclass(frozen=True)
class PersonalData:
    """What one app holds about a person, for UK GDPR rights (export, erasure, retention).

    `models`: the model labels it covers, e.g. ["projects.attendance"].
    `export(membership)`: everything held about that person in this organisation, JSON-ready.
    `erase(membership, acting_user=...)`: anonymise in place, keeping totals right.
    `actor_fields`: per model label, the fields that only say which member of staff did
    something (recorded, changed, decided); they are not data *about* that person.
    `files(membership)`: stored files about that person (photos, films), as
    (name in the download, file); most apps hold none.
    `held_back(membership)`: records kept out of a subject-access export until a named person
    reviews them (safeguarding records), listed for review instead of released or dropped.
    `confidential_models` / `confidential_verbs`: model labels and audit verb prefixes whose
    rows no section of the export may show (the audit trail's "what" and "action"), so a
    held-back record does not show through another app's export either.
    """

    app: str
    models: list[str]
    export: Export
    erase: Erase
    actor_fields: dict[str, set[str]] = field(default_factory=dict)
    files: Files = no_files
    held_back: HeldBack = nothing_held_back
    confidential_models: frozenset[str] = frozenset()
    confidential_verbs: tuple[str, ...] = ()


# Home page panels: `panel(request)` is a generator function that asks its prepared queries
# (`rows = yield query.bind(...)`) and returns a `Panel`, or None to show nothing (see
# coproduce/core/dashboard.py).
home_panels: Registry[Callable[[HttpRequest], Asking]] = Registry("home_panels")

# Personal-data providers, one per app that holds data about a person.
personal_data: Registry[PersonalData] = Registry("personal_data")

# Demo loaders, called with the DemoContext once the demo organisation's people exist.
demo_loaders: Registry[Callable[[DemoContext], None]] = Registry("demo_loaders")
