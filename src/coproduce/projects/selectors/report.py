"""What a project's monitoring report counts from, as questions asked in one round
(`core.prepared.ask_together`): each a prepared `.values()` query and the small records it
reads its rows into. Who came in the period is a subquery here (`came_in_period`), not a list
of ids sent back, so no question waits for another's answer."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.models import QuerySet

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Prepared, Question
from coproduce.projects.models import (
    Attendance,
    ChecklistAnswer,
    Idea,
    Inclusion,
    ProjectSettings,
    Status,
)

if TYPE_CHECKING:
    from coproduce.projects.models import Project

Row = dict[str, Any]
PERIOD = {"organisation": int, "project": int, "start": datetime.date, "end": datetime.date}


def period_values(project: Project, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """The values a question about the project's period is bound with."""
    return {
        "organisation": project.organisation_id,
        "project": project.pk,
        "start": start,
        "end": end,
    }


def came_in_period(
    *, project: int, start: datetime.date, end: datetime.date
) -> QuerySet[Attendance, Any]:
    """The young people who came to the project's sessions in the period, as a subquery for
    other apps' questions (`young_person_id__in=...`)."""
    return Attendance.objects.filter(
        session__project=project, session__date__range=(start, end), attended=True
    ).values("young_person_id")


def _came_before(**period: Any) -> QuerySet[Attendance, Any]:
    # Everyone who came before the period, not only those who came in it: a semi-join with
    # the period's people led PostgreSQL to a plan 30 times slower.
    return (
        Attendance.objects.filter(
            session__project=period["project"],
            session__date__lt=period["start"],
            attended=True,
        )
        .values("young_person_id")
        .distinct()
        .order_by()
    )


_CAME_BEFORE = Prepared(_came_before, organisation=int, project=int, start=datetime.date)


def came_before_period(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[set[int]]:
    """The young people who came to one of the project's sessions before the period: those
    who come in it and are not among them take part for the first time."""
    values = {"organisation": project.organisation_id, "project": project.pk, "start": start}
    return Question(
        (_CAME_BEFORE.bind(**values),),
        lambda rows: {r["young_person_id"] for r in rows},
    )


class IdeaRecord(NamedTuple):
    text: str
    due_on: datetime.date
    status: str | None  # the decision, None while there is no response
    action: str
    feedback_given_on: datetime.date | None

    @property
    def adopted(self) -> bool | None:
        """True if adopted (fully or partly), False if not adopted, None while undecided."""
        if self.status == Status.NOT_ADOPTED:
            return False
        return True if self.status in (Status.ADOPTED, Status.PARTLY_ADOPTED) else None

    @property
    def feedback_on_time(self) -> bool:
        return bool(self.feedback_given_on and self.feedback_given_on <= self.due_on)


def _ideas(**period: Any) -> QuerySet[Idea, Any]:
    return (
        Idea.objects.filter(
            project=period["project"], created_at__date__range=(period["start"], period["end"])
        )
        .order_by("created_at", "id")
        .values(
            "text",
            "due_on",
            "response__status",
            "response__action",
            "response__feedback_given_on",
        )
    )


_IDEAS = Prepared(_ideas, **PERIOD)


def ideas_in_period(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[list[IdeaRecord]]:
    """Ideas recorded in the period, each with its response, oldest first."""
    return Question(
        (_IDEAS.bind(**period_values(project, start, end)),),
        lambda rows: [
            IdeaRecord(
                r["text"],
                r["due_on"],
                r["response__status"],
                r["response__action"] or "",
                r["response__feedback_given_on"],
            )
            for r in rows
        ],
    )


class InclusionRecord(NamedTuple):
    """What was recorded about one young person's barriers and support on the project."""

    display_name: str
    barriers: list[str]
    support_given: str
    support_amount_pence: int | None


def _inclusion(**period: Any) -> Any:
    came = came_in_period(project=period["project"], start=period["start"], end=period["end"])
    return (
        Inclusion.objects.filter(project=period["project"], young_person_id__in=came)
        .order_by("id")
        .values(
            *name_fields("young_person__user"),
            "barriers",
            "support_given",
            "support_amount_pence",
        )
    )


_INCLUSION = Prepared(_inclusion, **PERIOD)


def inclusion_of_those_who_came(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[list[InclusionRecord]]:
    """Barriers and support recorded on the project for the young people who came in the
    period."""
    return Question(
        (_INCLUSION.bind(**period_values(project, start, end)),),
        lambda rows: [
            InclusionRecord(
                display_name_from(r, "young_person__user"),
                r["barriers"] or [],
                r["support_given"],
                r["support_amount_pence"],
            )
            for r in rows
        ],
    )


class ChecklistRecord(NamedTuple):
    stage: str
    item: str
    answer: str


def _checklist(*, organisation: int, project: int) -> QuerySet[ChecklistAnswer, Any]:
    return (
        ChecklistAnswer.objects.filter(project=project)
        .order_by("stage", "item")
        .values("stage", "item", "answer")
    )


_CHECKLIST = Prepared(_checklist, organisation=int, project=int)


def checklist_answers_of(*, project: Project) -> Question[list[ChecklistRecord]]:
    return Question(
        (_CHECKLIST.bind(organisation=project.organisation_id, project=project.pk),),
        lambda rows: [ChecklistRecord(r["stage"], r["item"], r["answer"]) for r in rows],
    )


def _ladder(*, organisation: int) -> QuerySet[ProjectSettings, Any]:
    return ProjectSettings.objects.filter(organisation=organisation).order_by().values("ladder")


_LADDER = Prepared(_ladder, organisation=int)


def ladder_of(*, organisation_id: int) -> Question[str]:
    """The participation ladder the organisation records on (its settings, else the default)."""
    default = ProjectSettings._meta.get_field("ladder").get_default()
    return Question(
        (_LADDER.bind(organisation=organisation_id),),
        lambda rows: rows[0]["ladder"] if rows else default,
    )
