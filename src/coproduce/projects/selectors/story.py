"""What a young person has done in projects, for their story (read by coproduce.story)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Min, Sum

from coproduce.projects.ladders import Rung, rung
from coproduce.projects.models import Attendance, JoinRequest, JoinStatus
from coproduce.projects.selectors.projects import settings_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


@dataclass
class ProjectPart:
    """One project a young person took part in: their roles, sessions, time and biggest say."""

    project_id: int
    project: str
    roles: list[str] = field(default_factory=list)
    sessions: int = 0
    minutes: int = 0
    first: datetime.date | None = None
    last: datetime.date | None = None
    highest: Rung | None = None  # the highest participation rung recorded for them

    @property
    def hours(self) -> float:
        return self.minutes / 60


def parts_of(*, membership: Membership) -> list[ProjectPart]:
    """Every project they came to or were accepted onto, in the order they started."""
    ladder = settings_for(organisation=membership.organisation).ladder
    came = (
        Attendance.objects.filter(
            organisation=membership.organisation_id, young_person=membership, attended=True
        )
        .values("session__project_id", "session__project__name")
        .annotate(
            sessions=Count("id"),
            minutes=Sum("session__duration_minutes"),
            first=Min("session__date"),
            last=Max("session__date"),
            top=Max("rung"),
        )
    )
    parts: dict[int, ProjectPart] = {}
    for row in came:
        top = rung(ladder, row["top"]) if row["top"] else None
        parts[row["session__project_id"]] = ProjectPart(
            project_id=row["session__project_id"],
            project=row["session__project__name"],
            sessions=row["sessions"],
            minutes=row["minutes"] or 0,
            first=row["first"],
            last=row["last"],
            highest=top if top and top.participation else None,
        )
    accepted = (
        JoinRequest.objects.filter(
            organisation=membership.organisation_id,
            young_person=membership,
            status=JoinStatus.ACCEPTED,
        )
        .values_list("project_id", "project__name", "role__title")
        .order_by("created_at", "pk")
    )
    for project_id, name, role in accepted:
        part = parts.setdefault(project_id, ProjectPart(project_id=project_id, project=name))
        if role and role not in part.roles:
            part.roles.append(role)
    return sorted(parts.values(), key=lambda p: (p.first or datetime.date.max, p.project))
