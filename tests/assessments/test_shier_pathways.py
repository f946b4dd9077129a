"""Scenario: a manager checks the organisation against Shier's pathways to participation as
the literature review describes it (seed 002): five levels, each looked at in three stages of
commitment (openings, opportunities, obligations); the result is the level reached at each
stage, in plain words. The Youth Engagement Guarantee reads in plain words too."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.exceptions import ValidationError

from coproduce.assessments import services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Assessment, Framework, Round
from coproduce.organisations.models import Membership, Organisation
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _round(organisation: Organisation, key: str) -> Round:
    builtins_install(organisation=organisation)
    version = Framework.objects.get(organisation=organisation, key=key).versions.get()
    return services.round_open(
        acting_user=None,
        organisation=organisation,
        name=f"{key} 2027",
        version=version,
        opens_on=datetime.date(2027, 3, 1),
        due_on=datetime.date(2027, 3, 31),
    )


def _answer(assessment: Assessment, answers: dict[str, str]) -> None:
    for indicator in assessment.round.version.indicators.all():
        services.answers_save(
            acting_user=None,
            assessment=assessment,
            indicator=indicator,
            answers=[
                services.Answer(level=level, answer=answers.get(indicator.key, "no"))
                for level in assessment.levels
            ],
        )


def test_it_asks_the_fifteen_questions_once_and_gives_the_level_reached_at_each_stage(
    organisation: Organisation, manager: Membership
) -> None:
    """Shier: five levels of participation, each with three stages of commitment; a level is
    reached at a stage when it, and every level below it, is in place there. The questions are
    about the organisation, so they are asked once (15 answers, not 45), and the result says
    which of the five levels is reached for openings, opportunities and obligations."""
    round_ = _round(organisation, "shier-pathways")
    assessment = services.assessment_start(
        acting_user=None, round_=round_, respondent=manager, perspective="staff"
    )
    assert assessment.levels == ["organisation"]
    answers = {f"level-{n}-openings": "yes" for n in range(1, 6)}
    answers |= {"level-1-opportunities": "yes", "level-2-opportunities": "yes"}
    answers |= {"level-4-opportunities": "yes"}  # level 3 is missing, so 4 does not count
    _answer(assessment, answers)
    assert assessment.scores.count() == 15
    services.assessment_submit(acting_user=None, assessment=assessment)

    page = html.unescape(
        client_for(manager).get(f"/assessments/{assessment.pk}/result/").content.decode()
    )
    stages = page[page.index('data-testid="stages"') :]
    openings = stages[stages.index("Openings") : stages.index("Opportunities")]
    opportunities = stages[stages.index("Opportunities") : stages.index("Obligations")]
    obligations = stages[stages.index("Obligations") :]
    assert "Level 5 of 5: Level 5: Young people share power" in openings
    assert "Co-producing" in openings
    assert "Level 2 of 5" in opportunities
    assert "Next step: Do the ways we decide things make room for young people" in opportunities
    assert "Not yet at level 1" in obligations
    assert "7 to 9" not in page  # a yes/no framework has no scores
    assert "needs_more_work" not in page


def test_it_takes_only_yes_or_no_for_a_pathways_question(
    organisation: Organisation, manager: Membership
) -> None:
    """A stage of commitment is in place or it is not: Shier's questions take yes or no."""
    round_ = _round(organisation, "shier-pathways")
    assessment = services.assessment_start(
        acting_user=None, round_=round_, respondent=manager, perspective="staff"
    )
    indicator = round_.version.indicators.first()
    assert indicator is not None
    with pytest.raises(ValidationError):
        services.answers_save(
            acting_user=None,
            assessment=assessment,
            indicator=indicator,
            answers=[services.Answer(level="organisation", answer="needs_more_work")],
        )
    page = client_for(manager).get(f"/assessments/{assessment.pk}/indicators/{indicator.pk}/")
    assert "Needs more work" not in page.content.decode()


def test_the_guarantee_result_reads_in_plain_words(
    organisation: Organisation, manager: Membership
) -> None:
    """The Guarantee's commitments are answered yes, no or needs more work: the result shows
    those words (never the stored value) and never asks for scores of 7 to 9."""
    round_ = _round(organisation, "youth-engagement-guarantee")
    assessment = services.assessment_start(
        acting_user=None,
        round_=round_,
        respondent=manager,
        perspective="staff",
        levels=["project"],
    )
    for n, indicator in enumerate(round_.version.indicators.all()):
        services.answers_save(
            acting_user=None,
            assessment=assessment,
            indicator=indicator,
            answers=[
                services.Answer(
                    level="project",
                    answer="needs_more_work" if n == 0 else "yes",
                    example=f"At the spring forum young people ran item {n} and we acted on it",
                )
            ],
        )
    services.assessment_submit(acting_user=None, assessment=assessment)
    page = html.unescape(
        client_for(manager).get(f"/assessments/{assessment.pk}/result/").content.decode()
    )
    assert "Needs more work" in page and "needs_more_work" not in page
    assert "7 to 9" not in page
    assert "Not all met yet" in page


def test_the_demo_shows_a_pathways_result_with_a_level_per_stage(
    settings: object, tmp_path: object
) -> None:
    """The demo organisation holds the manager's pathways answers, and the result names the
    level reached for openings, opportunities and obligations."""
    from coproduce.core.tenancy import all_organisations
    from coproduce.home.demo import load_demo
    from tests.factories import add_totp

    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    context = load_demo()
    assert context is not None
    manager = context.people["manager"]
    add_totp(manager.user)  # managers sign in with a second step
    with all_organisations():
        assessment = Assessment.objects.get(
            respondent=manager, round__version__framework__key="shier-pathways"
        )
    page = html.unescape(
        client_for(manager).get(f"/assessments/{assessment.pk}/result/").content.decode()
    )
    stages = page[page.index('data-testid="stages"') :]
    assert "Level 4 of 5" in stages and "Level 3 of 5" in stages and "Level 2 of 5" in stages
