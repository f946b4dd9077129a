"""Home dashboard panels gathered from every app.

An app lists panels in its AppConfig as `dashboard = ["coproduce.x.dashboard.panel"]`;
each panel is `panel(request) -> dict | None` returning {"template": ..., "order": n, ...}
or None when it has nothing to show that member.

A panel that reads through prepared queries is written as a generator instead: it yields
`query.bind(...)` and is sent that query's rows back, then returns its dict (or None) as
before. The home page runs every panel to its first such question, asks the database all of
them together (one round trip on PostgreSQL: `run_together`), hands each panel its answer, and
repeats while any panel has another question. Each query would otherwise cost a round trip,
and the home page is the page every member opens first and often.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Generator
from typing import Any, TypeAlias

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import import_string

from coproduce.core.prepared import Bound, run_together

Shown: TypeAlias = dict[str, Any] | None
Asking: TypeAlias = Generator[Bound, list[dict[str, Any]], Shown]


def dashboard_panels(request: HttpRequest) -> list[dict[str, Any]]:
    shown: list[Shown] = []
    asking: list[tuple[Asking, Bound]] = []
    for panel in _panels():
        answer = panel(request)
        if isinstance(answer, Generator):
            _step(answer, None, asking, shown)
        else:
            shown.append(answer)
    while asking:
        rows = run_together([question for _, question in asking])
        waiting, asking = asking, []
        for (asked, _), its_rows in zip(waiting, rows, strict=True):
            _step(asked, its_rows, asking, shown)
    panels = [panel for panel in shown if panel]
    panels.sort(key=lambda p: p.get("order", 50))
    return panels


def _step(
    panel: Asking,
    answer: list[dict[str, Any]] | None,
    asking: list[tuple[Asking, Bound]],
    shown: list[Shown],
) -> None:
    """Run a panel to its next question (kept in `asking`) or to its end (kept in `shown`)."""
    try:
        question = next(panel) if answer is None else panel.send(answer)
    except StopIteration as finished:
        shown.append(finished.value)
    else:
        asking.append((panel, question))


@functools.cache
def _panels() -> list[Callable[[HttpRequest], Shown | Asking]]:
    return [
        import_string(path)
        for config in apps.get_app_configs()
        for path in getattr(config, "dashboard", ())
    ]


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
