"""Scenario: the participation ladder read as its authors meant (seeds 002 and 003): the
warning about the non-participation rungs belongs to each young person, not only to the
project's average; HeadStart's co-production starts at "adult-initiated, shared decisions"."""

from __future__ import annotations

import datetime

import pytest

from coproduce.organisations.models import Membership
from coproduce.projects import selectors
from coproduce.projects.ladders import HART, HEADSTART
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session

pytestmark = pytest.mark.django_db


def test_co_production_starts_at_adult_initiated_shared_decisions() -> None:
    """HeadStart: co-production starts at the third rung from the top ("adult-initiated,
    shared decisions with young people"); below it, informed and consulted are participation
    but not co-production, and the three lowest rungs are not participation at all."""
    assert [r.number for r in HEADSTART if r.coproduction] == [6, 7, 8]
    assert str(HEADSTART[5].name).startswith("Adult-initiated, shared decisions")
    assert [r.number for r in HEADSTART if r.participation and not r.coproduction] == [4, 5]
    assert [r.number for r in HART if not r.participation] == [1, 2, 3]


def test_it_warns_about_a_young_person_whose_own_activity_is_mostly_non_participation(
    practitioner: Membership, young_person: Membership
) -> None:
    """Hart's lowest rungs (manipulation, decoration, tokenism) are not participation. A young
    person who spends most of their sessions there is warned about, even when others on the
    same project sit higher and the project as a whole looks fine."""
    org = practitioner.organisation
    project = a_project(practitioner)
    others = [YoungPersonFactory.create(organisation=org) for _ in range(3)]
    for day, low in [(1, 1), (8, 2), (15, 3), (22, 3), (29, 7)]:  # 4 of 5 sessions low
        a_session(
            practitioner,
            project,
            [(young_person, True, low), *((o, True, 7) for o in others)],
            on=datetime.date(2026, 9, day),
        )
    spread = selectors.rung_spread(project=project)
    assert spread.warning is False  # 4 of 20 places are low: the project looks fine
    assert [(p.young_person, p.non_participation, p.total) for p in spread.warned] == [
        (young_person, 4, 5)
    ]
    assert spread.coproduction == 16
    name = young_person.user.display_name
    page = client_for(practitioner).get(f"/projects/{project.pk}/").content.decode()
    assert f"Most of {name}" in page.replace("&#x27;", "'")

    # Their own journey page carries the warning too, in plain words.
    mine = client_for(young_person).get("/projects/my-journey/").content.decode()
    assert "little or no real say" in mine
    steps = selectors.journey_of(membership=young_person)
    assert selectors.journey_warnings(steps) == [project.name]


def test_it_does_not_warn_a_young_person_who_mostly_had_a_say(
    practitioner: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner)
    for day, rung in [(1, 2), (8, 6), (15, 7)]:
        a_session(
            practitioner, project, [(young_person, True, rung)], on=datetime.date(2026, 9, day)
        )
    assert selectors.rung_spread(project=project).warned == []
    assert selectors.journey_warnings(selectors.journey_of(membership=young_person)) == []
