"""Home dashboard panels gathered from every app.

An app registers each panel in its `AppConfig.ready()`:
`hooks.home_panels.register(dashboard.panel)`. Every panel is written the same way, as a
generator function `panel(request) -> Asking`: it asks its prepared queries with
`rows = yield query.bind(...)` and returns a `Panel` (its template, its place in the order,
and what the template reads as `panel`), or None when it has nothing to show that member.
A panel that needs no prepared query says so with `yield from NO_QUESTIONS`.

The home page runs every panel to its first question, asks the database all of them together
(one round trip on PostgreSQL: `run_together`), hands each panel its answer, and repeats while
any panel has another question. Each query would otherwise cost a round trip, and the home
page is the page every member opens first and often.
"""

from __future__ import annotations

import functools
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse

from coproduce.core import hooks
from coproduce.core.prepared import Bound, run_together


@dataclass(frozen=True)
class Panel:
    """One panel to show: its template, its place (lower first), and what it reads."""

    template: str
    order: int
    context: dict[str, Any] = field(default_factory=dict)


Asking: TypeAlias = Generator[Bound, list[dict[str, Any]], Panel | None]

# For a panel that asks no prepared query: `yield from NO_QUESTIONS` keeps it a generator.
NO_QUESTIONS: tuple[Bound, ...] = ()


def dashboard_panels(request: HttpRequest) -> list[dict[str, Any]]:
    """The panels to show, in order, each as its template reads it: `panel.template`,
    `panel.order` and the panel's own context."""
    shown: list[Panel | None] = []
    asking: list[tuple[Asking, Bound]] = []
    for panel in hooks.home_panels:
        _step(panel(request), None, asking, shown)
    while asking:
        rows = run_together([question for _, question in asking])
        waiting, asking = asking, []
        for (asked, _), its_rows in zip(waiting, rows, strict=True):
            _step(asked, its_rows, asking, shown)
    panels = sorted((p for p in shown if p is not None), key=lambda p: p.order)
    return [{**p.context, "template": p.template, "order": p.order} for p in panels]


def _step(
    panel: Asking,
    answer: list[dict[str, Any]] | None,
    asking: list[tuple[Asking, Bound]],
    shown: list[Panel | None],
) -> None:
    """Run a panel to its next question (kept in `asking`) or to its end (kept in `shown`)."""
    try:
        question = next(panel) if answer is None else panel.send(answer)
    except StopIteration as finished:
        shown.append(finished.value)
    else:
        asking.append((panel, question))


_MARKER = 987654321


def link_each(rows: list[dict[str, Any]], route: str, kwarg: str, key: str = "id") -> None:
    """Give each row its `url` for a route taking one whole-number id, reversing the route once.

    A panel lists up to eight things; a `{% url %}` for each was a tenth of the home page.
    """
    before, after = _around_id(route, kwarg, get_urlconf(), get_script_prefix())
    for row in rows:
        row["url"] = f"{before}{int(row[key])}{after}"


@functools.lru_cache(maxsize=64)
def _around_id(route: str, kwarg: str, urlconf: str | None, prefix: str) -> tuple[str, str]:
    """What comes before and after the id in the route's URL: the same on every request for
    a URLconf and script prefix, and one `reverse` costs more than a panel's other work."""
    before, marker, after = reverse(route, kwargs={kwarg: _MARKER}, urlconf=urlconf).partition(
        str(_MARKER)
    )
    if not marker:
        raise ValueError(f"{route} does not take a whole-number {kwarg}")
    return before, after
