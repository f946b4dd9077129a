"""A project with enough going on for the monitoring report to be long."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session, an_idea


def a_busy_project(staff: Membership) -> int:
    """Ten young people of every age band at four sessions, with ideas and a barrier."""
    today = timezone.localdate()
    organisation = staff.organisation
    people = [
        YoungPersonFactory.create(
            organisation=organisation,
            user__first_name=f"Person{i}",
            user__preferred_name=f"Person{i}",
            user__date_of_birth=datetime.date(today.year - 11 - i, 1, 1),
        )
        for i in range(10)
    ]
    project = a_project(staff)
    for months in (1, 3, 5, 7):
        a_session(
            staff,
            project,
            [(p, True, 3) for p in people[months - 1 :]],
            on=today - datetime.timedelta(days=30 * months),
        )
    for n in range(3):
        an_idea(staff, project, f"Idea {n}", people[n])
    projects.inclusion_save(
        acting_user=staff.user,
        project=project,
        young_person=people[0],
        barriers=["transport"],
        support_given="Bus fare",
        support_amount_pence=450,
    )
    return project.pk
