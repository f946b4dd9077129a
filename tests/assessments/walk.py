"""Outsider-walk providers for self-assessment URLs (see tests/tenancy/walk.py)."""

from __future__ import annotations

from coproduce.assessments.frameworks import framework_copy
from coproduce.assessments.models import BandDescriptor
from tests.assessments.helpers import fill, nef, open_round
from tests.tenancy.walk import Provider, World


def _version(world: World) -> int:
    def make() -> int:
        copy = framework_copy(
            acting_user=None,
            version=nef(world.organisation),
            key="victim-copy",
            name=world.marker("framework"),
        )
        return int(copy.pk)

    return int(world.once("version", make))


def _round(world: World) -> int:
    return int(
        world.once("round", lambda: open_round(world.organisation, name=world.marker("round")).pk)
    )


def _assessment(world: World) -> int:
    from coproduce.assessments.models import Round

    def make() -> int:
        round_ = Round.objects.get(pk=_round(world))
        return int(fill(round_, world.staff, 5).pk)

    return int(world.once("assessment", make))


def _indicator(world: World) -> int:
    from coproduce.assessments.models import Round

    round_ = Round.objects.get(pk=_round(world))
    first = round_.version.indicators.first()
    assert first is not None
    return int(first.pk)


def _band(world: World) -> int:
    band = BandDescriptor.objects.filter(version_id=_version(world)).first()
    assert band is not None
    return int(band.pk)


def _interview(world: World) -> int:
    import datetime

    from coproduce.assessments.services.interviews import interview_create

    def make() -> int:
        return int(
            interview_create(
                acting_user=None,
                organisation=world.organisation,
                created_by=world.staff,
                post=world.marker("interview"),
                version=nef(world.organisation),
                held_on=datetime.date(2027, 5, 4),
                candidates=[world.marker("candidate")],
                panel=[world.staff, world.young_person],
            ).pk
        )

    return int(world.once("interview", make))


def _candidate(world: World) -> int:
    from coproduce.assessments.models import Candidate

    return int(Candidate.objects.get(interview_id=_interview(world)).pk)


PROVIDERS: dict[str, Provider] = {
    "interview_id": _interview,
    "candidate_id": _candidate,
    "version_id": _version,
    "round_id": _round,
    "assessment_id": _assessment,
    "indicator_id": _indicator,
    "band_id": _band,
}
