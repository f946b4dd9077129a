"""The register of a project's sessions as plain values, for reports that count hundreds of
rows: one query and no model instances (building them was most of the monitoring report's
time). Use `attendance_in_period` where the model instances themselves are needed."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from coproduce.projects.models import Attendance, Project


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


def register_in_period(
    *, project: Project, start: datetime.date, end: datetime.date
) -> list[RegisterEntry]:
    """`attendance_in_period` as values, in the same order; each session and each young
    person is one shared object however many rows name them."""
    rows = (
        Attendance.objects.filter(session__project=project, session__date__range=(start, end))
        .order_by("session__date", "session_id", "young_person_id")
        .values_list(
            "session_id",
            "session__date",
            "session__activity",
            "session__duration_minutes",
            "young_person_id",
            "young_person__user__preferred_name",
            "young_person__user__first_name",
            "young_person__user__last_name",
            "young_person__user__username",
            "young_person__user__date_of_birth",
            "young_person__in_care",
            "attended",
            "rung",
        )
    )
    sessions: dict[int, RegisterSession] = {}
    people: dict[int, RegisterPerson] = {}
    register = []
    for (
        sid,
        day,
        activity,
        minutes,
        pid,
        preferred,
        first,
        last,
        username,
        born,
        in_care,
        came,
        rung,
    ) in rows:
        session = sessions.get(sid)
        if session is None:
            session = sessions[sid] = RegisterSession(sid, day, activity, minutes)
        person = people.get(pid)
        if person is None:
            # As User.display_name: the name they go by, else their full name, else username.
            name = preferred or f"{first} {last}".strip() or username
            person = people[pid] = RegisterPerson(pid, name, born, in_care)
        register.append(RegisterEntry(session, person, came, rung))
    return register
