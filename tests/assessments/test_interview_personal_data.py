"""Scenario: a young person who sat on an interview panel asks for the data held about them;
the scores and reasons they gave are in it, and erasing them blanks what they wrote.

The rule, in our words: under UK GDPR a person may have a copy of everything held about them,
so the scores they gave when interviewing (seeds 000 and 002: young people on recruitment
panels) belong in their export; the candidates, who are other people, are not named."""

from __future__ import annotations

import datetime

import pytest

from coproduce.assessments import interviews as sel
from coproduce.assessments.models import InterviewScore
from coproduce.assessments.services import interviews as services
from coproduce.core.hooks import PersonalData
from coproduce.core.personal_data import providers, unlisted_models
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import nef

pytestmark = pytest.mark.django_db


def _assessments_provider() -> PersonalData:
    return next(p for p in providers() if p.app == "assessments")


def test_a_panellists_interview_scores_are_in_their_data_and_erasure_blanks_their_reasons(
    organisation: Organisation,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    interview = services.interview_create(
        acting_user=manager.user,
        organisation=organisation,
        created_by=manager,
        post="Youth worker",
        version=nef(organisation),
        held_on=datetime.date(2027, 5, 4),
        candidates=["Alex Candidate"],
        panel=[young_person, practitioner],
    )
    panellist = interview.panel.get(membership=young_person)
    candidate = interview.candidates.get()
    question = sel.questions_of(interview=interview)[0]
    services.interview_scores_save(
        acting_user=young_person.user,
        panellist=panellist,
        candidate=candidate,
        marks=[services.Mark(question.indicator, 3, "Gave a real example of listening")],
    )
    provider = _assessments_provider()
    exported = provider.export(young_person)
    assert [p["interview"] for p in exported["interview_panels"]] == ["Youth worker"]
    [score] = exported["interview_scores"]
    assert (score["score"], score["why"]) == (3, "Gave a real example of listening")
    assert score["question"] == question.indicator.title
    assert "Alex Candidate" not in str(exported)
    assert provider.export(practitioner)["interview_scores"] == []  # only their own scores

    provider.erase(young_person, acting_user=manager.user)
    kept = InterviewScore.objects.get()
    assert (kept.value, kept.note) == (3, "")


def test_every_interview_record_that_names_a_person_is_covered() -> None:
    assert not [m for m in unlisted_models() if m.startswith("assessments.")]
