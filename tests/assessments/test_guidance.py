"""Scenario: a practitioner unsure what counts as co-production opens the guidance from the
framework they are using.

The rules, in our words: nef's slides (seed 004) say what co-production is (staff and citizens
sharing power to plan and deliver together) and list what it is not (consultation, volunteering,
partnership working...); HeadStart's toolkit (seed 003) starts co-production at "adult-initiated,
shared decisions". Each framework comes with its authors' advice on using it: the nef guide
(seed 000) asks for a real example for every score, the top band on every indicator, about
fifteen minutes, every six months; Shier (seed 002) gives a level per stage, not a score."""

from __future__ import annotations

import html

import pytest

from coproduce.assessments.frameworks import framework_copy
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import nef, open_round
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _get(member: Membership, url: str) -> str:
    response = client_for(member).get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_guidance_says_what_co_production_is_and_is_not_and_credits_its_sources(
    practitioner: Membership,
) -> None:
    page = _get(practitioner, "/assessments/guidance/")
    assert "What co-production is" in page and "What co-production is not" in page
    assert "asking young people for their views, then deciding without them" in page
    assert "volunteering, where people help out with something others designed" in page
    assert "'adult-initiated, shared decisions'" in page
    assert "Source: nef, 'Co-production: what it is, what it's not'. In our own words." in page
    # The design × delivery matrix, with its named cells.
    for cell in ["Traditional service", "Co-designed", "Co-delivered", "Full co-production"]:
        assert cell in page
    # Each built-in framework has its own section, under its key.
    for key in ["nef-coproduction", "youth-engagement-guarantee", "shier-pathways"]:
        assert f'id="{key}"' in page
    assert "Back every score with something that really happened" in page
    assert "The answer is not a score" in page


def test_it_links_each_framework_to_its_own_guidance_from_where_staff_use_it(
    organisation: Organisation, practitioner: Membership
) -> None:
    version = nef(organisation)
    assert "/assessments/guidance/#nef-coproduction" in _get(
        practitioner, f"/assessments/frameworks/{version.pk}/"
    )
    assert "/assessments/guidance/#shier-pathways" in _get(practitioner, "/assessments/frameworks/")
    round_ = open_round(organisation)
    assert "/assessments/guidance/#nef-coproduction" in _get(
        practitioner, f"/assessments/rounds/{round_.pk}/"
    )
    assert "/assessments/guidance/" in _get(practitioner, "/assessments/")
    # An organisation's own adaptation keeps the guidance of the framework it came from.
    copy = framework_copy(acting_user=None, version=version, key="our-nef", name="Our nef")
    assert "/assessments/guidance/#nef-coproduction" in _get(
        practitioner, f"/assessments/frameworks/{copy.pk}/"
    )


def test_young_people_do_not_get_the_staff_guidance(young_person: Membership) -> None:
    assert client_for(young_person).get("/assessments/guidance/").status_code == 403
