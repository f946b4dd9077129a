"""Scenario: Bob scores the nef framework. Scores outside 1-9 are refused, a draft saves
without examples but submitting needs one per score, thin examples are flagged generic,
and correcting a submitted score keeps the earlier answer."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from coproduce.assessments import services
from coproduce.assessments.models import Score, ScoreCorrection, Status
from coproduce.audit.models import AuditEvent
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [0, 10, 42])
def test_it_refuses_a_score_outside_1_to_9_with_a_clear_message(
    organisation: Organisation, practitioner: Membership, value: int
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 5, submit=False)
    indicator = round_.version.indicators.first()
    assert indicator is not None
    with pytest.raises(ValidationError) as caught:
        services.answers_save(
            acting_user=None,
            assessment=assessment,
            indicator=indicator,
            answers=[services.Answer(level="practice", value=value)],
        )
    assert f"Enter a score from 1 to 9 (you entered {value})" in str(caught.value)
    # The page says so too, and keeps the draft's earlier score.
    response = client_for(practitioner).post(
        f"/assessments/{assessment.pk}/indicators/{indicator.pk}/", {"value_practice": str(value)}
    )
    assert "Choose a score from 1 to 9" in response.content.decode()
    assert (
        Score.objects.get(assessment=assessment, indicator=indicator, level="practice").value == 5
    )
    # And the database refuses one written past the service.
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.filter(assessment=assessment).update(value=value)


def test_it_keeps_a_draft_without_examples_but_refuses_to_submit_it(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 6, examples=False, submit=False)
    response = client_for(practitioner).post(f"/assessments/{assessment.pk}/submit/")
    assert response.status_code == 400
    text = response.content.decode()
    assert "You cannot submit yet" in text
    assert "give a practical example" in text
    assessment.refresh_from_db()
    assert assessment.status == Status.DRAFT
    assert Score.objects.filter(assessment=assessment, value=6).count() == 24
    with pytest.raises(ValidationError):
        services.assessment_submit(acting_user=None, assessment=assessment)


def test_it_resumes_a_draft_where_it_was_left(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    client = client_for(practitioner)
    client.post(f"/assessments/rounds/{round_.pk}/start/")
    first, second = list(round_.version.indicators.all())[:2]
    assessment = practitioner.assessments.get()
    response = client.post(
        f"/assessments/{assessment.pk}/indicators/{first.pk}/",
        {"value_practice": "4", "example_practice": "Half done", "later": "1"},
    )
    assert response.status_code == 302
    page = client.get(f"/assessments/{assessment.pk}/").content.decode()
    assert f"/indicators/{first.pk}/" in page
    form = client.get(f"/assessments/{assessment.pk}/indicators/{first.pk}/").content.decode()
    assert "Half done" in form
    assert 'value="4" checked' in form
    assert second.pk


def test_it_flags_short_or_repeated_examples_as_generic(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 5, submit=False)
    first, second = list(round_.version.indicators.all())[:2]
    repeated = "We asked the young people what they wanted and then we did what they asked for"
    services.answers_save(
        acting_user=None,
        assessment=assessment,
        indicator=first,
        answers=[
            services.Answer(level="practice", value=5, example="We listen."),
            services.Answer(level="project", value=5, example=repeated),
        ],
    )
    services.answers_save(
        acting_user=None,
        assessment=assessment,
        indicator=second,
        answers=[services.Answer(level="practice", value=5, example=repeated)],
    )
    flagged = set(
        Score.objects.filter(assessment=assessment, generic=True).values_list(
            "indicator__key", "level"
        )
    )
    assert flagged == {
        (first.key, "practice"),
        (first.key, "project"),
        (second.key, "practice"),
    }
    page = client_for(practitioner).get(f"/assessments/{assessment.pk}/").content.decode()
    assert "Generic example" in page


def test_it_keeps_the_earlier_answer_when_a_submitted_score_is_corrected(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 5)
    indicator = round_.version.indicators.first()
    assert indicator is not None
    score = Score.objects.get(assessment=assessment, indicator=indicator, level="project")
    old_example = score.example
    with pytest.raises(ValidationError):  # a correction needs a reason
        services.answers_save(
            acting_user=practitioner.user,
            assessment=assessment,
            indicator=indicator,
            answers=[services.Answer(level="project", value=7, example=old_example)],
        )
    services.answers_save(
        acting_user=practitioner.user,
        assessment=assessment,
        indicator=indicator,
        answers=[services.Answer(level="project", value=7, example=old_example)],
        reason="The young people reminded me they now run the tuck shop budget",
    )
    score.refresh_from_db()
    assert score.value == 7
    correction = ScoreCorrection.objects.get(score=score)
    assert (correction.previous_value, correction.previous_example) == (5, old_example)
    event = AuditEvent.objects.get(verb="score.correct")
    assert event.details["before"] == 5 and event.details["after"] == 7
    assert Score.objects.filter(assessment=assessment).count() == 24  # nothing re-entered
