"""Demo monitoring: the service population, a written answer on the Youth Club Redesign, and
the organisation's reports shared with its commissioner (issue 26: Chris has them to read)."""

from __future__ import annotations

from coproduce.core.demo import DemoContext
from coproduce.core.forms import period_from
from coproduce.monitoring import services
from coproduce.organisations.services import organisation_sharing_set
from coproduce.projects.selectors import project_named


def load(context: DemoContext) -> None:
    # The admin turns sharing on, as on /monitoring/sharing/: the commissioner then reads the
    # figures (small numbers hidden) on "Shared with you" and sees them on their home page.
    organisation_sharing_set(
        acting_user=context.people["admin"].user, organisation=context.organisation, share=True
    )
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
