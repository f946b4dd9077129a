"""Reads for young people's ideas and the answers they are owed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from coproduce.projects.models import (
    Idea,
    Project,
    Response,
    Status,
)

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def ideas_for(*, project: Project) -> QuerySet[Idea]:
    return Idea.objects.filter(project=project).select_related(
        "response", "author__user", "owner__user"
    )


# What an idea's card (projects/_idea_card.html) reads: the idea, its answer, and the names
# of its author and owner (`User.display_name`), not every column of the five rows it joins.
_CARD_FIELDS = (
    "id",
    "text",
    "group_name",
    "due_on",
    "response__status",
    "response__action",
    "response__reason",
    "response__feedback_given_on",
    *(
        f"{person}__user__{name}"
        for person in ("author", "owner")
        for name in ("preferred_name", "first_name", "last_name", "username")
    ),
)


def latest_ideas_for(*, project: Project, count: int) -> list[Idea]:
    """The project's newest ideas for its page, as their cards show them."""
    return list(ideas_for(project=project).only(*_CARD_FIELDS)[:count])


@dataclass(frozen=True)
class IdeaCounts:
    """How many ideas a project has, how many still wait for a decision, and how many of
    those are past their feedback date (as `Idea.is_overdue` says)."""

    total: int
    waiting: int
    overdue: int


def idea_count_figures(*, today: datetime.date) -> dict[str, Count]:
    """The counts behind `IdeaCounts` (total, waiting, overdue) as expressions over ideas."""
    # Waiting: no decision yet, or "under consideration" with no feedback given (overdue_ideas).
    waiting = Q(response__isnull=True) | Q(
        response__status=Status.UNDER_CONSIDERATION, response__feedback_given_on__isnull=True
    )
    return {
        "total": Count("pk"),
        "waiting": Count("pk", filter=waiting),
        "overdue": Count("pk", filter=waiting & Q(due_on__lt=today)),
    }


def project_idea_figures(
    *, organisation: Organisation | None, today: datetime.date
) -> dict[str, Coalesce]:
    """`idea_count_figures` for each row of a query of projects, as one subquery a figure over
    that project's ideas: a join to the ideas would make as many rows as ideas, and every
    other figure read with the project would be worked out again for each."""
    return {
        name: Coalesce(
            Subquery(
                Idea.objects.filter(organisation=organisation, project=OuterRef("pk"))
                .order_by()
                .values("project")
                .annotate(n=count)
                .values("n")
            ),
            0,
        )
        for name, count in idea_count_figures(today=today).items()
    }


def idea_counts(*, project: Project, today: datetime.date) -> IdeaCounts:
    """The figures for a project page's summary, in one query rather than loading every idea."""
    figures = Idea.objects.filter(project=project).aggregate(**idea_count_figures(today=today))
    return IdeaCounts(figures["total"], figures["waiting"], figures["overdue"])


def organisation_ideas(*, organisation: Organisation) -> QuerySet[Idea]:
    """Ideas for the organisation as a whole (no project), newest first."""
    return Idea.objects.filter(organisation=organisation, project__isnull=True).select_related(
        "response", "author__user", "owner__user"
    )


def answered_ideas(*, organisation: Organisation) -> QuerySet[Idea]:
    """Every answered idea, the organisation's own and its projects', newest answer first (for
    the public board: it shows no names)."""
    return (
        Idea.objects.filter(organisation=organisation, response__isnull=False)
        .select_related("response", "project")
        .order_by("-response__updated_at", "-pk")
    )


if TYPE_CHECKING:  # django-stubs' names for an annotated row; no cost at run time
    from django_stubs_ext import WithAnnotations

    class _ProjectName(TypedDict):
        project_name: str

    OverdueIdea = WithAnnotations[Idea, _ProjectName]


def overdue_ideas(
    *, organisation: Organisation | int, today: datetime.date
) -> QuerySet[OverdueIdea]:
    """Ideas past their feedback date with no answer or feedback yet, each with `project_name`."""
    # NOT EXISTS within the organisation's own responses: an OR across a join made
    # PostgreSQL scan every organisation's responses, so the page slowed as others grew.
    # Answering is giving feedback: a decision (adopted, partly, not adopted) tells the young
    # person, so only "under consideration" without a feedback date still waits.
    fed_back = Response.objects.filter(
        Q(feedback_given_on__isnull=False) | ~Q(status=Status.UNDER_CONSIDERATION),
        organisation=organisation,
        pk=OuterRef("response_id"),
    )
    # The project's name by subquery, not a join: PostgreSQL misjudged a join to the
    # organisation's projects as one row and chose nested loops (1.1 ms against 0.3 ms at
    # `large`). The subquery runs for the rows shown only.
    project_name = (
        Project.objects.filter(organisation=organisation, pk=OuterRef("project_id"))
        .order_by()
        .values("name")
    )
    return (
        Idea.objects.filter(organisation=organisation, due_on__lt=today)
        .filter(~Exists(fed_back))
        .annotate(project_name=Subquery(project_name))
        .select_related("owner__user")
        .order_by("due_on")
    )


def ideas_of(*, membership: Membership) -> QuerySet[Idea]:
    return Idea.objects.filter(
        organisation=membership.organisation, author=membership
    ).select_related("project", "response")
