"""Personal data held by self-assessment: a person's assessments, scores and examples, and the
scores they gave on an interview panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.assessments.models import Assessment, InterviewScore, Panellist, Score
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
    # Interview panels (use in recruitment): a person's place on a panel and their own scores.
    "assessments.panellist",
    "assessments.interviewscore",
]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    assessments = Assessment.objects.filter(
        organisation=membership.organisation, respondent=membership
    ).select_related("round")
    scores = Score.objects.filter(assessment__in=assessments).select_related("indicator")
    panels = Panellist.objects.filter(
        organisation=membership.organisation, membership=membership
    ).select_related("interview")
    interview_scores = InterviewScore.objects.filter(panellist__in=panels).select_related(
        "panellist__interview", "indicator"
    )
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
        "interview_panels": [
            {
                "interview": p.interview.post,
                "held_on": p.interview.held_on.isoformat(),
                "as_young_person": p.is_young_person,
                "submitted_at": p.submitted_at.isoformat() if p.submitted_at else None,
            }
            for p in panels
        ],
        # Candidates are other people: named by number only, not by name.
        "interview_scores": [
            {
                "interview": s.panellist.interview.post,
                "candidate": s.candidate_id,
                "question": s.indicator.title,
                "score": s.value,
                "why": s.note,
            }
            for s in interview_scores
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
    InterviewScore.objects.filter(
        organisation=membership.organisation, panellist__membership=membership
    ).update(note="")


PROVIDER = PersonalData(
    app="assessments",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "assessments.assessment": {"led_by"},
        "assessments.scorecorrection": {"corrected_by"},
        "assessments.conversation": {"recorded_by"},
        "assessments.interview": {"created_by"},
        "assessments.agreedinterviewscore": {"recorded_by"},
    },
)
