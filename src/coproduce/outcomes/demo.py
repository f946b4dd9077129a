"""Demo check-ins: the Youth Club Redesign's young people at joining and three months on."""

from __future__ import annotations

import datetime

from coproduce.core.demo import DemoContext
from coproduce.outcomes import services
from coproduce.outcomes.measures import KEYS
from coproduce.projects.selectors import project_named, young_people_who_came


def load(context: DemoContext) -> None:
    project = project_named(organisation=context.organisation, name="Youth Club Redesign")
    for i, person in enumerate(young_people_who_came(project=project)):
        if person.user.username == "young":
            continue  # Fran's check-in is left due, to try on her phone
        start = 2 + i % 2
        for months_ago, lift in ((4, 0), (1, 1)):
            when = datetime.datetime.combine(
                context.today, datetime.time(17), tzinfo=datetime.UTC
            ) - datetime.timedelta(days=30 * months_ago)
            services.check_in_record(
                acting_user=person.user,
                young_person=person,
                project=project,
                answers={k: min(5, start + lift + (j % 2)) for j, k in enumerate(KEYS)},
                taken_at=when,
            )
