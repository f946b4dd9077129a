"""A young person's story, put together from the apps that own each part."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from coproduce.credits.selectors import balance_of, recognitions_of, settings_for
from coproduce.projects.selectors.story import ProjectPart, parts_of
from coproduce.story.models import Mentoring

if TYPE_CHECKING:
    from coproduce.credits.models import Recognition
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


@dataclass
class Mentored:
    project: str
    other: str  # the other young person's name
    as_mentor: bool


@dataclass
class Story:
    person: Membership
    parts: list[ProjectPart]
    hours_given: int  # whole hours of time given, from their credits
    credits_earned: Decimal
    certificates: list[Recognition]
    accreditation: list[Recognition]
    mentoring: list[Mentored]

    @property
    def empty(self) -> bool:
        return not (
            self.parts
            or self.hours_given
            or self.certificates
            or self.accreditation
            or self.mentoring
        )


def mentoring_of(membership: Membership) -> list[Mentored]:
    """Who they mentored, and who mentored them, in which project (two indexed reads)."""
    rows = Mentoring.objects.filter(organisation=membership.organisation).select_related(
        "project", "mentor__user", "mentee__user"
    )
    return [
        Mentored(m.project.name, m.mentee.user.display_name, True)
        for m in rows.filter(mentor=membership)
    ] + [
        Mentored(m.project.name, m.mentor.user.display_name, False)
        for m in rows.filter(mentee=membership)
    ]


def story_of(membership: Membership) -> Story:
    credit_settings = settings_for(organisation=membership.organisation)
    _balance, lifetime_minutes = balance_of(membership)
    recognitions = list(recognitions_of(membership).order_by("awarded_at", "pk"))
    return Story(
        person=membership,
        parts=parts_of(membership=membership),
        hours_given=credit_settings.hours(lifetime_minutes),
        credits_earned=credit_settings.credits(lifetime_minutes),
        certificates=[r for r in recognitions if r.kind != "accreditation"],
        accreditation=[r for r in recognitions if r.kind == "accreditation"],
        mentoring=mentoring_of(membership),
    )


def mentoring_in(project: Project) -> list[Mentoring]:
    """The peer mentoring pairs named in one project, oldest first."""
    return list(
        Mentoring.objects.filter(organisation=project.organisation_id, project=project)
        .select_related("mentor__user", "mentee__user")
        .order_by("created_at", "pk")
    )
