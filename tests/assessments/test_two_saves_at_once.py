"""Scenario: Bob's self-assessment is open in two tabs (or a background save and his "Save
and continue" arrive together). Both save the first answer for the same indicator at the same
moment: neither gets an error page, and the later answer is the one kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import QuerySet

from coproduce.assessments import services
from coproduce.assessments.models import Score
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import open_round

pytestmark = pytest.mark.django_db


def test_the_later_of_two_first_saves_is_kept_without_an_error(
    organisation: Organisation, practitioner: Membership, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_ = open_round(organisation)
    assessment = services.assessment_start(
        acting_user=practitioner.user,
        round_=round_,
        respondent=practitioner,
        perspective="staff",
        project=None,
    )
    indicator = round_.version.indicators.first()
    assert indicator is not None

    # The other tab's save: it looked, found no score, and is about to create one.
    real_first = QuerySet.first
    other_tab_done: list[bool] = []

    def first(self: QuerySet[Any]) -> Any:
        found = real_first(self)
        if self.model is Score and not other_tab_done:
            other_tab_done.append(True)
            services.answers_save(
                acting_user=practitioner.user,
                assessment=assessment,
                indicator=indicator,
                answers=[services.Answer(level="practice", value=4, example="Other tab")],
            )
            return found  # None: this save looked before the other tab's score existed
        return found

    monkeypatch.setattr(QuerySet, "first", first)
    services.answers_save(
        acting_user=practitioner.user,
        assessment=assessment,
        indicator=indicator,
        answers=[services.Answer(level="practice", value=6, example="We asked Fran first.")],
    )
    assert other_tab_done
    scores = Score.objects.filter(assessment=assessment, indicator=indicator, level="practice")
    assert [(s.value, s.example) for s in scores] == [(6, "We asked Fran first.")]
