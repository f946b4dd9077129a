"""Arrange self-assessment data for tests through the app's own services."""

from __future__ import annotations

import datetime

from coproduce.assessments import services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Assessment, Framework, FrameworkVersion, Round
from coproduce.organisations.models import Membership, Organisation

EXAMPLE = (
    "Young people chose and ran the {n} session themselves and we changed the plan "
    "because of what they said"
)


def nef(organisation: Organisation) -> FrameworkVersion:
    builtins_install(organisation=organisation)
    return Framework.objects.get(organisation=organisation, key="nef-coproduction").versions.get()


def open_round(
    organisation: Organisation, *, name: str = "Spring 2027", opens_on: datetime.date | None = None
) -> Round:
    opens_on = opens_on or datetime.date(2027, 3, 1)
    return services.round_open(
        acting_user=None,
        organisation=organisation,
        name=name,
        version=nef(organisation),
        opens_on=opens_on,
        due_on=opens_on + datetime.timedelta(days=30),
    )


def fill(
    round_: Round,
    membership: Membership,
    scores: list[int] | int,
    *,
    perspective: str = "staff",
    examples: bool = True,
    submit: bool = True,
) -> Assessment:
    assessment = services.assessment_start(
        acting_user=membership.user,
        round_=round_,
        respondent=membership,
        perspective=perspective,
        project=membership.services.first(),
    )
    for n, indicator in enumerate(round_.version.indicators.all()):
        value = scores if isinstance(scores, int) else scores[n]
        services.answers_save(
            acting_user=membership.user,
            assessment=assessment,
            indicator=indicator,
            answers=[
                services.Answer(
                    level=level,
                    value=value,
                    example=EXAMPLE.format(n=f"{indicator.key} {level} {membership.pk}")
                    if examples
                    else "",
                )
                for level in assessment.levels
            ],
        )
    if submit:
        services.assessment_submit(acting_user=membership.user, assessment=assessment)
    return assessment
