"""Demo monitoring: the service population and a written answer on the Youth Club Redesign."""

from __future__ import annotations

from coproduce.core.demo import DemoContext
from coproduce.monitoring import services
from coproduce.monitoring.forms import period_from
from coproduce.projects.selectors import project_named


def load(context: DemoContext) -> None:
    user = context.staff.user
    services.population_save(
        acting_user=user,
        organisation=context.organisation,
        counts={"11–12": 40, "13–15": 70, "16–17": 55, "18–25": 35, "In care": 12},
    )
    project = project_named(organisation=context.organisation, name="Youth Club Redesign")
    _form, start, end = period_from({})
    services.narrative_save(
        acting_user=user,
        project=project,
        start=start,
        end=end,
        question="why",
        text=(
            "We asked the young people who use the Friday club, and went to the skate park to "
            "meet those who had stopped coming: their experience of what put them off mattered most."
        ),
    )
