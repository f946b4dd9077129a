"""API: frameworks, versions (with indicators), rounds, assessments and scores."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from coproduce.assessments import frameworks, selectors, services
from coproduce.assessments.models import Assessment, Perspective, Round
from coproduce.core.api_auth import auth_membership

router = Router(tags=["Self-assessment"])


class VersionSummary(Schema):
    id: int
    number: int
    scale: str
    frozen: bool


class FrameworkOut(Schema):
    id: int
    key: str
    name: str
    credit: str
    is_builtin: bool
    versions: list[VersionSummary]


class AssessmentRoundOut(Schema):
    id: int
    name: str
    version_id: int
    framework: str
    opens_on: datetime.date
    due_on: datetime.date
    is_open: bool


class AssessmentScoreOut(Schema):
    indicator_key: str
    level: str
    value: int | None
    answer: str
    example: str
    generic: bool


class AssessmentOut(Schema):
    id: int
    round_id: int
    respondent: str
    perspective: str
    project: str | None
    status: str
    submitted_at: datetime.datetime | None
    scores: list[AssessmentScoreOut]


@router.get("/frameworks", response=list[FrameworkOut])
def list_frameworks(request: HttpRequest) -> list[FrameworkOut]:
    organisation = auth_membership(request).organisation
    frameworks.builtins_install(organisation=organisation)
    return [
        FrameworkOut(
            id=f.pk,
            key=f.key,
            name=f.name,
            credit=f.credit,
            is_builtin=f.is_builtin,
            versions=[
                VersionSummary(id=v.pk, number=v.number, scale=v.scale, frozen=v.is_frozen)
                for v in f.versions.all()
            ],
        )
        for f in selectors.frameworks_for(organisation=organisation)
    ]


@router.get("/versions/{version_id}")
def get_version(request: HttpRequest, version_id: int) -> dict[str, object]:
    """The version as a framework document (the same shape as the YAML/JSON export)."""
    version = selectors.get_version_for(
        organisation=auth_membership(request).organisation, pk=version_id
    )
    return {
        "id": version.pk,
        "number": version.number,
        "frozen": version.is_frozen,
        "document": frameworks.framework_export(version),
    }


def _round(r: Round) -> AssessmentRoundOut:
    return AssessmentRoundOut(
        id=r.pk,
        name=r.name,
        version_id=r.version_id,
        framework=r.version.framework.name,
        opens_on=r.opens_on,
        due_on=r.due_on,
        is_open=r.is_open,
    )


@router.get("/rounds", response=list[AssessmentRoundOut])
def list_rounds(request: HttpRequest) -> list[AssessmentRoundOut]:
    return [
        _round(r) for r in selectors.rounds_for(organisation=auth_membership(request).organisation)
    ]


@router.get("/rounds/{round_id}", response=AssessmentRoundOut)
def get_round(request: HttpRequest, round_id: int) -> AssessmentRoundOut:
    return _round(
        selectors.get_round_for(organisation=auth_membership(request).organisation, pk=round_id)
    )


def _assessment(a: Assessment) -> AssessmentOut:
    return AssessmentOut(
        id=a.pk,
        round_id=a.round_id,
        respondent=a.respondent.user.display_name,
        perspective=a.perspective,
        project=a.project.name if a.project else None,
        status=a.status,
        submitted_at=a.submitted_at,
        scores=[
            AssessmentScoreOut(
                indicator_key=s.indicator.key,
                level=s.level,
                value=s.value,
                answer=s.answer,
                example=s.example,
                generic=s.generic,
            )
            for s in a.scores.all()
        ],
    )


@router.get("/rounds/{round_id}/assessments", response=list[AssessmentOut])
def list_assessments(request: HttpRequest, round_id: int) -> list[AssessmentOut]:
    membership = auth_membership(request)
    round_ = selectors.get_round_for(organisation=membership.organisation, pk=round_id)
    found = selectors.round_assessments_with_scores(round_=round_)
    if not membership.can("manage_people"):
        found = found.filter(respondent=membership)  # practitioners see their own
    return [_assessment(a) for a in found]


@router.get("/assessments/{assessment_id}", response=AssessmentOut)
def get_assessment(request: HttpRequest, assessment_id: int) -> AssessmentOut:
    return _assessment(
        selectors.get_assessment_for(membership=auth_membership(request), pk=assessment_id)
    )


class AssessmentScoreIn(Schema):
    level: str
    value: int | None = None
    answer: str = ""
    example: str = ""


class AnswersIn(Schema):
    indicator_key: str
    scores: list[AssessmentScoreIn]
    reflection: str | None = None
    reason: str = ""


@router.post("/rounds/{round_id}/assessments", response={201: AssessmentOut})
def start_assessment(request: HttpRequest, round_id: int) -> Status[AssessmentOut]:
    """Start (or resume) your own staff assessment in a round."""
    membership = auth_membership(request)
    round_ = selectors.get_round_for(organisation=membership.organisation, pk=round_id)
    assessment = services.assessment_start(
        acting_user=membership.user,
        round_=round_,
        respondent=membership,
        perspective=Perspective.STAFF,
        project=membership.services.filter(is_active=True).first(),
    )
    return Status(201, _assessment(assessment))


@router.put("/assessments/{assessment_id}/scores", response=AssessmentOut)
def save_scores(request: HttpRequest, assessment_id: int, payload: AnswersIn) -> AssessmentOut:
    """Save one indicator's scores (a draft, or a correction with a reason once submitted)."""
    membership = auth_membership(request)
    assessment = selectors.get_assessment_for(membership=membership, pk=assessment_id)
    indicator = selectors.get_indicator_by_key_for(assessment=assessment, key=payload.indicator_key)
    services.answers_save(
        acting_user=membership.user,
        assessment=assessment,
        indicator=indicator,
        answers=[
            services.Answer(level=s.level, value=s.value, answer=s.answer, example=s.example)
            for s in payload.scores
        ],
        reflection=payload.reflection,
        reason=payload.reason,
        corrected_by=membership,
    )
    return _assessment(selectors.get_assessment_for(membership=membership, pk=assessment_id))


@router.post("/assessments/{assessment_id}/submit", response=AssessmentOut)
def submit_assessment(request: HttpRequest, assessment_id: int) -> AssessmentOut:
    membership = auth_membership(request)
    assessment = selectors.get_assessment_for(membership=membership, pk=assessment_id)
    services.assessment_submit(acting_user=membership.user, assessment=assessment)
    return _assessment(assessment)
