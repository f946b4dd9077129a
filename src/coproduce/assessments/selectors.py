"""Reads for self-assessment, always scoped to one organisation."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from coproduce.assessments.matrix import Cell, cell_for
from coproduce.assessments.models import (
    Assessment,
    BandDescriptor,
    Framework,
    FrameworkVersion,
    Indicator,
    Perspective,
    Round,
    Score,
    Settings,
    Status,
)
from coproduce.core.tenancy import get_for, settings_or_defaults
from coproduce.organisations.selectors import young_people_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation


def settings_for(*, organisation: Organisation) -> Settings:
    """The organisation's self-assessment settings, or the defaults until someone saves them."""
    return settings_or_defaults(Settings, organisation=organisation)


def frameworks_for(*, organisation: Organisation) -> QuerySet[Framework]:
    return Framework.objects.filter(organisation=organisation).prefetch_related(
        Prefetch("versions", queryset=FrameworkVersion.objects.order_by("-number"))
    )


def versions_for(*, organisation: Organisation) -> QuerySet[FrameworkVersion]:
    return FrameworkVersion.objects.filter(organisation=organisation).select_related("framework")


def get_version_for(*, organisation: Organisation | None, pk: int) -> FrameworkVersion:
    return get_for(
        FrameworkVersion.objects.select_related("framework"), organisation=organisation, pk=pk
    )


def version_contents(version: FrameworkVersion) -> list[dict[str, object]]:
    """Principles with their indicators and bands, for display (three queries)."""
    bands: dict[int, list[BandDescriptor]] = {}
    for band in BandDescriptor.objects.filter(version=version).order_by("pk"):
        bands.setdefault(band.indicator_id, []).append(band)
    indicators = list(version.indicators.all())
    return [
        {
            "principle": principle,
            "indicators": [
                {"indicator": i, "bands": bands.get(i.pk, [])}
                for i in indicators
                if i.principle_id == principle.pk
            ],
        }
        for principle in version.principles.all()
    ]


def get_band_for(*, organisation: Organisation | None, pk: int) -> BandDescriptor:
    return get_for(
        BandDescriptor.objects.select_related("version__framework", "indicator"),
        organisation=organisation,
        pk=pk,
    )


def rounds_for(*, organisation: Organisation) -> QuerySet[Round]:
    return Round.objects.filter(organisation=organisation).select_related("version__framework")


def open_rounds_for(*, organisation: Organisation) -> QuerySet[Round]:
    return rounds_for(organisation=organisation).filter(closed_at__isnull=True)


def get_round_for(*, organisation: Organisation | None, pk: int) -> Round:
    return get_for(
        Round.objects.select_related("version__framework", "organisation"),
        organisation=organisation,
        pk=pk,
    )


def assessments_of(*, membership: Membership) -> QuerySet[Assessment]:
    return Assessment.objects.filter(
        organisation=membership.organisation, respondent=membership
    ).select_related("round__version__framework")


def round_assessments(*, round_: Round) -> QuerySet[Assessment]:
    return Assessment.objects.filter(organisation=round_.organisation, round=round_).select_related(
        "respondent__user", "project"
    )


def get_assessment_for(*, membership: Membership, pk: int) -> Assessment:
    """Your own assessment, one you led, or (for managers) any in your organisation."""
    assessment: Assessment = get_for(
        Assessment.objects.select_related(
            "round__version__framework", "respondent__user", "project", "organisation"
        ),
        organisation=membership.organisation,
        pk=pk,
    )
    if assessment.respondent_id == membership.pk or assessment.led_by_id == membership.pk:
        return assessment
    if membership.can("manage_people"):
        return assessment
    raise Http404


def get_indicator_for(*, assessment: Assessment, pk: int) -> Indicator:
    return get_for(
        Indicator.objects.select_related("version", "principle"),
        organisation=assessment.organisation,
        pk=pk,
        version=assessment.round.version_id,
    )


def get_round_indicator_for(*, round_: Round, pk: int) -> Indicator:
    return get_for(Indicator, organisation=round_.organisation, pk=pk, version=round_.version_id)


def due_assessments(*, membership: Membership) -> list[Round]:
    """Open rounds where this member has not yet submitted."""
    if membership.is_young_person:
        return []
    return due_among(list(open_rounds_for(organisation=membership.organisation)), membership)


def due_among(open_rounds: list[Round], membership: Membership) -> list[Round]:
    """Of these open rounds, the ones this member has not yet submitted."""
    if not open_rounds:
        return []
    done = set(
        Assessment.objects.filter(
            organisation=membership.organisation,
            respondent=membership,
            perspective=Perspective.STAFF,
            status=Status.SUBMITTED,
        ).values_list("round_id", flat=True)
    )
    return [r for r in open_rounds if r.pk not in done]


def young_people_waiting(
    *, organisation: Organisation, today: datetime.date
) -> list[tuple[Round, list[Membership]]]:
    """Open rounds (opened by `today`) with the active young people who have not yet given
    their answer: each is waiting for a young person's check-in."""
    rounds = list(open_rounds_for(organisation=organisation).filter(opens_on__lte=today))
    if not rounds:
        return []
    people = list(young_people_for(organisation=organisation).select_related("user"))
    done = set(
        Assessment.objects.filter(
            organisation=organisation,
            round__in=rounds,
            perspective=Perspective.YOUNG_PEOPLE,
            status=Status.SUBMITTED,
        ).values_list("round_id", "respondent_id")
    )
    return [(r, [p for p in people if (r.pk, p.pk) not in done]) for r in rounds]


def round_assessments_with_scores(*, round_: Round) -> QuerySet[Assessment]:
    return round_assessments(round_=round_).prefetch_related(
        Prefetch("scores", queryset=Score.objects.select_related("indicator"))
    )


def get_version_indicator_for(*, organisation: Organisation | None, pk: int) -> Indicator:
    return get_for(
        Indicator.objects.select_related("version__framework"), organisation=organisation, pk=pk
    )


def get_indicator_by_key_for(*, assessment: Assessment, key: str) -> Indicator:
    return get_for(
        Indicator.objects.select_related("version"),
        organisation=assessment.organisation,
        key=key,
        version=assessment.round.version_id,
    )


def matrix_cell(*, designed_by: str, delivered_by: str) -> Cell:
    """Where a project sits in nef's design × delivery matrix (for the project page)."""
    return cell_for(designed_by, delivered_by)
