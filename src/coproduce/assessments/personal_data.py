"""Personal data held by self-assessment: a person's assessments, scores and examples."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.assessments.models import Assessment, Score
from coproduce.core.hooks import PersonalData

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = [
    "assessments.assessment",
    "assessments.score",
    "assessments.scorecorrection",
    "assessments.reflection",
    "assessments.conversation",
    "assessments.citation",
]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    assessments = Assessment.objects.filter(
        organisation=membership.organisation, respondent=membership
    ).select_related("round")
    scores = Score.objects.filter(assessment__in=assessments).select_related("indicator")
    return {
        "assessments": [
            {
                "round": a.round.name,
                "perspective": a.perspective,
                "status": a.status,
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            }
            for a in assessments
        ],
        "scores": [
            {
                "assessment": s.assessment_id,
                "indicator": s.indicator.title,
                "level": s.level,
                "value": s.value,
                "answer": s.answer,
                "example": s.example,
            }
            for s in scores
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Blank the free text a person wrote; scores stay so medians and trends stay right."""
    from coproduce.assessments.models import Reflection, ScoreCorrection

    assessments = Assessment.objects.filter(
        organisation=membership.organisation, respondent=membership
    )
    Score.objects.filter(assessment__in=assessments).update(example="")
    Reflection.objects.filter(assessment__in=assessments).update(text="")
    ScoreCorrection.objects.filter(score__assessment__in=assessments).update(previous_example="")


PROVIDER = PersonalData(
    app="assessments",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "assessments.assessment": {"led_by"},
        "assessments.scorecorrection": {"corrected_by"},
        "assessments.conversation": {"recorded_by"},
    },
)
