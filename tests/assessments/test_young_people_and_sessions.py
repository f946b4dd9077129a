"""Scenario: young people answer in their own words (checklists too); a practitioner runs a
session for a young person without a phone; answers autosave; evidence can be cited; and a
person's data can be exported and erased without spoiling the totals."""

from __future__ import annotations

import datetime

import pytest

from coproduce.assessments import citations, personal_data, results, services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Citation, Framework, Perspective, Score
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_shows_young_people_their_own_wording(
    organisation: Organisation, young_person: Membership
) -> None:
    round_ = open_round(organisation)
    client = client_for(young_person)
    client.post(f"/assessments/rounds/{round_.pk}/start/")
    assessment = young_person.assessments.get()
    assert assessment.perspective == Perspective.YOUNG_PEOPLE
    indicator = round_.version.indicators.get(key="skills-in-design")
    page = client.get(f"/assessments/{assessment.pk}/indicators/{indicator.pk}/").content.decode()
    assert "My ideas change how things are run here" in page
    assert "How true is this for you?" in page
    assert "practical example" not in page  # staff wording stays off their screen


def test_it_scores_a_checklist_framework_and_only_all_yes_counts(
    organisation: Organisation, practitioner: Membership
) -> None:
    builtins_install(organisation=organisation)
    version = Framework.objects.get(
        organisation=organisation, key="youth-engagement-guarantee"
    ).versions.get()
    round_ = services.round_open(
        acting_user=None,
        organisation=organisation,
        name="Guarantee check",
        version=version,
        opens_on=datetime.date(2027, 3, 1),
        due_on=datetime.date(2027, 3, 31),
    )
    assessment = services.assessment_start(
        acting_user=None, round_=round_, respondent=practitioner, perspective="staff"
    )
    indicators = list(version.indicators.all())
    for n, indicator in enumerate(indicators):
        services.answers_save(
            acting_user=None,
            assessment=assessment,
            indicator=indicator,
            answers=[
                services.Answer(
                    level=level,
                    answer="needs_more_work" if n == 6 else "yes",
                    example="We wrote to every young person after the panel to say what changed",
                )
                for level in assessment.levels
            ],
        )
    services.assessment_submit(acting_user=None, assessment=assessment)
    verdict = results.verdicts(assessment, results.assessment_views(assessment))[0]
    assert not verdict.co_producing
    assert [i.key for i in verdict.holding_back] == ["feedback"]


def test_it_lets_a_practitioner_run_a_session_for_a_young_person(
    organisation: Organisation, practitioner: Membership, young_person: Membership
) -> None:
    round_ = open_round(organisation)
    client = client_for(practitioner)
    response = client.post(
        f"/assessments/rounds/{round_.pk}/session/", {"young_person": young_person.pk}
    )
    assessment = young_person.assessments.get()
    assert response.url == f"/assessments/{assessment.pk}/"  # type: ignore[attr-defined]
    assert assessment.led_by == practitioner
    indicator = round_.version.indicators.first()
    assert indicator is not None
    client.post(f"/assessments/{assessment.pk}/indicators/{indicator.pk}/", {"value_project": "8"})
    assert Score.objects.get(assessment=assessment).value == 8


def test_it_autosaves_in_the_background(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 5, submit=False)
    indicator = round_.version.indicators.first()
    assert indicator is not None
    response = client_for(practitioner).post(
        f"/assessments/{assessment.pk}/indicators/{indicator.pk}/",
        {"value_practice": "7", "example_practice": "Half typed"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 204
    score = Score.objects.get(assessment=assessment, indicator=indicator, level="practice")
    assert (score.value, score.example) == (7, "Half typed")


def test_it_shows_the_records_an_example_cites(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    past = open_round(organisation, name="Autumn 2026", opens_on=datetime.date(2026, 9, 1))
    indicator = past.version.indicators.first()
    assert indicator is not None
    talk = services.conversation_record(
        acting_user=None,
        round_=past,
        indicator=indicator,
        note="We agreed young people will plan the summer programme",
        recorded_by=manager,
    )
    services.round_close(acting_user=None, round_=past)
    round_ = open_round(organisation, name="Spring 2027")
    assessment = fill(round_, practitioner, 6, submit=False)
    offered = citations.citable_for(organisation)
    assert [c.record for c in offered] == [talk]
    client = client_for(practitioner)
    url = f"/assessments/{assessment.pk}/indicators/{indicator.pk}/"
    client.post(
        url,
        {
            "value_practice": "6",
            "value_project": "6",
            "value_organisation": "6",
            "cite": [offered[0].token, "999:999"],
        },
    )
    assert list(Citation.objects.values_list("object_id", flat=True)) == [talk.pk]
    assert "Autumn 2026: " + indicator.title in client.get(url).content.decode()


def test_it_exports_and_erases_a_persons_answers_but_keeps_the_scores(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    fill(round_, practitioner, 6)
    exported = personal_data.export(practitioner)
    assert len(exported["scores"]) == 24 and exported["scores"][0]["example"]
    personal_data.erase(practitioner, acting_user=None)
    assert not Score.objects.exclude(example="").exists()
    assert results.round_result(round_).gaps[0].staff == 6
