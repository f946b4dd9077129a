"""Scenario: Bob backs his score for 'ideas shape how services are designed' with records the
platform already holds: the session where the group planned the month, and the idea young
people raised that was adopted and fed back ("You said – we did")."""

from __future__ import annotations

import datetime
import html

import pytest

from coproduce.assessments import citations
from coproduce.assessments.models import Citation
from coproduce.organisations.models import Membership, Organisation
from coproduce.projects import services as projects
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for

# "Save and continue" needs a score at every level the practitioner answers at.
ALL_LEVELS_SIX = {"value_practice": "6", "value_project": "6", "value_organisation": "6"}

pytestmark = pytest.mark.django_db


def test_it_cites_sessions_and_answered_ideas_and_shows_them_on_the_result(
    organisation: Organisation, practitioner: Membership, young_person: Membership
) -> None:
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=organisation,
        name="Summer programme",
        aims="Young people plan the summer",
    )
    session = projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2027, 2, 10),
        duration_minutes=90,
        activity="Planning the month's activities",
    )
    idea = projects.idea_record(
        acting_user=practitioner.user,
        project=project,
        text="Can we have a cooking night?",
        source="session",
        owner=practitioner,
        author=young_person,
        session=session,
    )
    projects.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status="adopted",
        action="Cooking night every second Friday",
        feedback_given_on=datetime.date(2027, 2, 20),
        feedback_method="Told the group at the forum",
    )
    never_answered = projects.idea_record(
        acting_user=practitioner.user,
        project=project,
        text="A trip to the coast",
        source="session",
        owner=practitioner,
        author=young_person,
    )
    offered = {c.record for c in citations.citable_for(organisation)}
    assert {session, idea} <= offered and never_answered not in offered

    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 6, submit=False)
    indicator = round_.version.indicators.get(key="skills-in-design")
    tokens = [c.token for c in citations.citable_for(organisation) if c.record in (session, idea)]
    client = client_for(practitioner)
    client.post(
        f"/assessments/{assessment.pk}/indicators/{indicator.pk}/",
        {
            **ALL_LEVELS_SIX,
            "example_practice": "See the cited records",
            "cite": tokens,
        },
    )
    assert Citation.objects.filter(assessment=assessment, indicator=indicator).count() == 2
    page = html.unescape(client.get(f"/assessments/{assessment.pk}/result/").content.decode())
    assert "Summer programme: Planning the month's activities" in page
    assert "“Can we have a cooking night?” – Adopted" in page
