"""Reads for recruitment interviews (the writes are in `services.interviews`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet
from django.http import Http404

from coproduce.assessments.models import (
    AgreedInterviewScore,
    Candidate,
    FrameworkVersion,
    Interview,
    InterviewScore,
    Panellist,
)
from coproduce.assessments.recruitment import Question, Spread, questions_for
from coproduce.core.tenancy import get_for
from coproduce.organisations import selectors as organisations

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def interviews_for(*, organisation: Organisation) -> QuerySet[Interview]:
    return (
        Interview.objects.filter(organisation=organisation)
        .select_related("version__framework")
        .annotate(candidate_count=Count("candidates", distinct=True))
    )


def get_interview_for(*, organisation: Organisation | None, pk: int) -> Interview:
    return get_for(
        Interview.objects.select_related("version__framework"), organisation=organisation, pk=pk
    )


def get_candidate(*, interview: Interview, pk: int) -> Candidate:
    candidate = interview.candidates.filter(pk=pk).first()
    if candidate is None:
        raise Http404
    return candidate


def banded_versions_for(*, organisation: Organisation) -> QuerySet[FrameworkVersion]:
    """Framework versions whose indicators can become interview questions (scored 1 to 9)."""
    return FrameworkVersion.objects.filter(
        organisation=organisation, scale="banded"
    ).select_related("framework")


def panel_choices_for(*, organisation: Organisation) -> QuerySet[Membership]:
    """Staff and young people who can sit on a panel."""
    return (
        organisations.people_for(organisation=organisation)
        .filter(is_active=True)
        .order_by("role", "user__first_name")
    )


def panellist_of(*, interview: Interview, membership: Membership) -> Panellist | None:
    return interview.panel.filter(membership=membership).first()


def panels_of(*, membership: Membership) -> list[Panellist]:
    """The interview panels a person sits on, with their interviews."""
    return list(
        Panellist.objects.filter(organisation=membership.organisation, membership=membership)
        .select_related("interview")
        .order_by("-interview__held_on")[:12]
    )


def panel_of(*, interview: Interview) -> list[Panellist]:
    return list(interview.panel.select_related("membership__user"))


def questions_of(*, interview: Interview) -> list[Question]:
    return questions_for(list(interview.version.indicators.select_related("principle")))


def own_scores(*, panellist: Panellist, candidate: Candidate) -> dict[int, InterviewScore]:
    return {s.indicator_id: s for s in panellist.scores.filter(candidate=candidate)}


def everyone_has_scored(*, interview: Interview) -> bool:
    return not interview.panel.filter(submitted_at__isnull=True).exists()


def spreads_for(*, candidate: Candidate) -> dict[int, Spread]:
    """Each question's scores from every panel member, young people's and staff's apart."""
    young: dict[int, list[int]] = defaultdict(list)
    staff: dict[int, list[int]] = defaultdict(list)
    for s in InterviewScore.objects.filter(
        organisation=candidate.organisation, candidate=candidate
    ).select_related("panellist"):
        (young if s.panellist.is_young_person else staff)[s.indicator_id].append(s.value)
    keys = set(young) | set(staff)
    return {k: Spread(sorted(young[k]), sorted(staff[k])) for k in keys}


def agreed_for(*, candidate: Candidate) -> dict[int, AgreedInterviewScore]:
    return {a.indicator_id: a for a in candidate.agreed.all()}


@dataclass(frozen=True)
class Standing:
    candidate: Candidate
    agreed_total: int
    agreed_count: int


def standings(*, interview: Interview) -> list[Standing]:
    """Each candidate's agreed total (questions not yet agreed count nothing), best first."""
    totals: dict[int, list[int]] = defaultdict(list)
    for a in AgreedInterviewScore.objects.filter(
        organisation=interview.organisation, candidate__interview=interview
    ):
        totals[a.candidate_id].append(a.value)
    rows = [Standing(c, sum(totals[c.pk]), len(totals[c.pk])) for c in interview.candidates.all()]
    return sorted(rows, key=lambda r: (-r.agreed_total, r.candidate.name))
