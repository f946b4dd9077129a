"""The register of a project's sessions as plain values, for reports that count hundreds of
rows: a prepared query and no model instances (building them was most of the monitoring
report's time). Use `attendance_in_period` where the model instances themselves are needed."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from coproduce.accounts.selectors import display_name_from, name_fields
from coproduce.core.prepared import Prepared, Question
from coproduce.projects.models import Attendance

if TYPE_CHECKING:
    from coproduce.projects.models import Project


class RegisterSession(NamedTuple):
    pk: int
    date: datetime.date
    activity: str
    duration_minutes: int


class RegisterPerson(NamedTuple):
    """A young person on the register: their membership id and what a report shows."""

    pk: int
    display_name: str
    date_of_birth: datetime.date | None
    in_care: bool


class RegisterEntry(NamedTuple):
    session: RegisterSession
    young_person: RegisterPerson
    attended: bool
    rung: int | None

    @property
    def session_id(self) -> int:
        return self.session.pk

    @property
    def young_person_id(self) -> int:
        return self.young_person.pk


def _register(*, organisation: int, project: int, start: datetime.date, end: datetime.date) -> Any:
    return (
        Attendance.objects.filter(session__project=project, session__date__range=(start, end))
        .order_by("session__date", "session_id", "young_person_id")
        .values(
            "session_id",
            "session__date",
            "session__activity",
            "session__duration_minutes",
            "young_person_id",
            *name_fields("young_person__user"),
            "young_person__user__date_of_birth",
            "young_person__in_care",
            "attended",
            "rung",
        )
    )


_REGISTER = Prepared(
    _register, organisation=int, project=int, start=datetime.date, end=datetime.date
)


def register_in_period(
    *, project: Project, start: datetime.date, end: datetime.date
) -> Question[list[RegisterEntry]]:
    """`attendance_in_period` as values, in the same order; each session and each young
    person is one shared object however many rows name them. Asked with `ask_together`."""
    bound = _REGISTER.bind(
        organisation=project.organisation_id, project=project.pk, start=start, end=end
    )
    return Question((bound,), _register_from)


def _register_from(rows: list[dict[str, Any]]) -> list[RegisterEntry]:
    sessions: dict[int, RegisterSession] = {}
    people: dict[int, RegisterPerson] = {}
    register = []
    for row in rows:
        sid, pid = row["session_id"], row["young_person_id"]
        session = sessions.get(sid)
        if session is None:
            session = sessions[sid] = RegisterSession(
                sid,
                row["session__date"],
                row["session__activity"],
                row["session__duration_minutes"],
            )
        person = people.get(pid)
        if person is None:
            person = people[pid] = RegisterPerson(
                pid,
                display_name_from(row, "young_person__user"),
                row["young_person__user__date_of_birth"],
                row["young_person__in_care"],
            )
        register.append(RegisterEntry(session, person, row["attended"], row["rung"]))
    return register
