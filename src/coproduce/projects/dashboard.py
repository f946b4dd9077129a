from __future__ import annotations

import datetime
import functools
from typing import Any

from django.db.models import Case, Count, Min, When, Window
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from coproduce.core.dashboard import NO_QUESTIONS, Asking, Panel, link_each
from coproduce.core.prepared import Prepared
from coproduce.projects.checklists import Stage
from coproduce.projects.selectors import (
    ideas_of,
    join_requests_waiting_in,
    overdue_ideas,
    stuck_projects,
)

SHOWN = 8  # a phone screen's worth; the count says how many in all


def overdue_panel(request: HttpRequest) -> Asking:
    """Staff: ideas whose feedback is overdue, the owner's own first."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    shown = yield _overdue_first.bind(
        organisation=membership.organisation_id, member=membership.pk, today=timezone.localdate()
    )
    if not shown:
        return None
    link_each(shown, "projects:respond", "idea_id")
    # Worked out here, not with template filters and a `blocktranslate` per idea: these
    # eight lines were a fifth of the home page's time on the bench.
    everywhere = gettext("Whole organisation")
    language = get_language()
    for idea in shown:
        text = idea["text"]
        idea["text"] = text if len(text) <= 60 else f"{text[:59]}…"  # as truncatechars:60
        idea["where"] = idea["project_name"] or everywhere
        idea["due"] = _due(idea["due_on"], language)
    return Panel("projects/_overdue_panel.html", 10, {"overdue": shown, "count": shown[0]["total"]})


@functools.lru_cache(maxsize=1024)
def _due(day: datetime.date, language: str | None) -> str:
    """ "due 3 Mar" in the active language, which is `language`: the same few dates come up on
    every home page, and formatting one cost more than the rest of its line."""
    return gettext("due %(when)s") % {"when": date_format(day, "j M")}


def _overdue_page(*, organisation: int, member: int, today: datetime.date) -> Any:
    # The total comes with the first eight (a window count), so one query serves both.
    return (
        overdue_ideas(organisation=organisation, today=today)
        .order_by(Case(When(owner=member, then=0), default=1), "due_on", "pk")
        .values("id", "text", "due_on", "project_name", total=Window(Count("pk")))[:SHOWN]
    )


_overdue_first = Prepared(_overdue_page, organisation=int, member=int, today=datetime.date)


def my_ideas_panel(request: HttpRequest) -> Asking:
    """Young people: their latest ideas."""
    yield from NO_QUESTIONS
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_young_person:
        return None
    ideas = list(ideas_of(membership=membership).order_by("-created_at")[:3])
    return Panel("projects/_my_ideas_panel.html", 10, {"ideas": ideas}) if ideas else None


STUCK_AFTER = datetime.timedelta(weeks=6)


def stuck_panel(request: HttpRequest) -> Asking:
    """Staff: projects that have not moved on from a stage for six weeks."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    stuck = yield _stuck_first.bind(
        organisation=membership.organisation_id, since=timezone.now() - STUCK_AFTER
    )
    if not stuck:
        return None
    labels = {stage: str(stage.label) for stage in {Stage(p["stage"]) for p in stuck}}
    for project in stuck:
        project["stage_label"] = labels[Stage(project["stage"])]
    link_each(stuck, "projects:detail", "project_id")
    return Panel("projects/_stuck_panel.html", 12, {"stuck": stuck, "count": stuck[0]["total"]})


def _stuck_page(*, organisation: int, since: datetime.datetime) -> Any:
    return stuck_projects(organisation=organisation, since=since).values(
        "id", "name", "stage", total=Window(Count("pk"))
    )[:SHOWN]


_stuck_first = Prepared(_stuck_page, organisation=int, since=datetime.datetime)


def join_requests_panel(request: HttpRequest) -> Asking:
    """Staff: young people waiting to hear whether they can join a project, by project."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_staff_member:
        return None
    waiting = yield _waiting_first.bind(organisation=membership.organisation_id)
    if not waiting:
        return None
    link_each(waiting, "projects:detail", "project_id", key="project_id")
    count = sum(row["waiting"] for row in waiting)
    return Panel("projects/_join_requests_panel.html", 9, {"projects": waiting, "count": count})


def _waiting_page(*, organisation: int) -> Any:
    return (
        join_requests_waiting_in(organisation=organisation)
        .order_by()
        .values("project_id", "project__name")
        .annotate(waiting=Count("pk"), since=Min("created_at"))
        .order_by("since", "project_id")[:SHOWN]
    )


_waiting_first = Prepared(_waiting_page, organisation=int)
