"""Scenario: self-assessment run as nef and Action for Children's guide means it (seed 000):
every six months from the last round done, one round of a framework at a time, the levels
chosen by the person scoring, a prompt when an example is generic, and no median that gives
away one person's scores."""

from __future__ import annotations

import datetime
import html

import pytest
import time_machine
from django.core.exceptions import ValidationError

from coproduce.assessments import results, services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Assessment, Framework, Round
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _shier_round(organisation: Organisation, opens_on: datetime.date) -> Round:
    builtins_install(organisation=organisation)
    version = Framework.objects.get(organisation=organisation, key="shier-pathways").versions.get()
    return services.round_open(
        acting_user=None,
        organisation=organisation,
        name="Pathways",
        version=version,
        opens_on=opens_on,
        due_on=opens_on + datetime.timedelta(days=30),
    )


def _close_on(round_: Round, day: datetime.date) -> None:
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        services.round_close(acting_user=None, round_=round_)


def test_each_framework_keeps_its_own_six_monthly_cycle(organisation: Organisation) -> None:
    """Repeat the framework every six months, counted from the last round completed: opening
    or closing a round of another framework (Shier's pathways) moves nothing for nef."""
    nef_round = open_round(organisation, opens_on=datetime.date(2027, 1, 10))
    _close_on(nef_round, datetime.date(2027, 2, 15))
    due = services.next_rounds_due(organisation)
    assert [(n.framework.key, n.due_on) for n in due] == [
        ("nef-coproduction", datetime.date(2027, 8, 15))
    ]
    shier = _shier_round(organisation, datetime.date(2027, 5, 1))
    assert services.next_round_due(organisation) == datetime.date(2027, 8, 15)
    _close_on(shier, datetime.date(2027, 5, 20))
    by_framework = {n.framework.key: n.due_on for n in services.next_rounds_due(organisation)}
    assert by_framework == {
        "nef-coproduction": datetime.date(2027, 8, 15),
        "shier-pathways": datetime.date(2027, 11, 20),
    }


def test_it_refuses_a_second_open_round_of_the_same_framework(
    organisation: Organisation,
) -> None:
    """One round of a framework at a time: a second while the first is open would split the
    answers. Another framework may run alongside."""
    first = open_round(organisation, name="Spring 2027")
    with pytest.raises(ValidationError) as refused:
        open_round(organisation, name="Spring 2027 again")
    assert "already has a round open (Spring 2027)" in " ".join(refused.value.messages)
    _shier_round(organisation, datetime.date(2027, 3, 1))  # another framework: fine
    _close_on(first, datetime.date(2027, 3, 20))
    open_round(organisation, name="Autumn 2027", opens_on=datetime.date(2027, 9, 1))


def test_staff_choose_the_levels_they_score(
    organisation: Organisation, practitioner: Membership
) -> None:
    """The guide offers three levels (you, your project, your organisation) to score: a
    member of staff may do only "you" (8 scores) and submit, not be made to give 24."""
    round_ = open_round(organisation)
    client = client_for(practitioner)
    client.post(
        f"/assessments/rounds/{round_.pk}/start/",
        {"choose_levels": "1", "levels": ["practice"]},
    )
    assessment = Assessment.objects.get(round=round_, respondent=practitioner)
    assert assessment.levels == ["practice"]
    fill(round_, practitioner, 7)
    assessment.refresh_from_db()
    assert assessment.is_submitted and assessment.scores.count() == 8
    page = html.unescape(client.get(f"/assessments/{assessment.pk}/result/").content.decode())
    assert "My own practice" in page and "My organisation" not in page


def test_it_refuses_to_start_with_no_level_chosen(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    with pytest.raises(ValidationError):
        services.assessment_start(
            acting_user=None,
            round_=round_,
            respondent=practitioner,
            perspective="staff",
            levels=[],
        )
    assert not Assessment.objects.exists()


def test_it_prompts_for_a_real_example_when_one_is_generic(
    organisation: Organisation, practitioner: Membership
) -> None:
    """The guide: back each score with a practical example and avoid generic ones; without a
    real example, reconsider the score. "good" is flagged, and the page stays on that
    indicator with a prompt instead of moving on as if it were fine."""
    round_ = open_round(organisation)
    assessment = services.assessment_start(
        acting_user=None,
        round_=round_,
        respondent=practitioner,
        perspective="staff",
        levels=["practice"],
    )
    first = round_.version.indicators.first()
    assert first is not None
    url = f"/assessments/{assessment.pk}/indicators/{first.pk}/"
    client = client_for(practitioner)
    response = client.post(url, {"value_practice": "8", "example_practice": "good"})
    assert response.status_code == 302 and response["Location"] == url
    page = html.unescape(client.get(url).content.decode())
    assert 'data-testid="generic-prompt"' in page
    assert "Your example for My own practice looks generic" in page

    real = "Young people ran the spring planning day and we changed two sessions because of it"
    response = client.post(url, {"value_practice": "8", "example_practice": real})
    assert response["Location"] != url  # a real example moves on to the next indicator
    assert 'data-testid="generic-prompt"' not in client.get(url).content.decode()


def test_the_trend_hides_a_median_from_fewer_than_five_people(
    organisation: Organisation, practitioner: Membership, manager: Membership
) -> None:
    """Groups under five are hidden: one respondent's "median" is their own score."""
    round_ = open_round(organisation)
    fill(round_, practitioner, [8, 2, 8, 2, 8, 2, 8, 2])
    _rounds, rows = results.trend([round_])
    assert all(row.points == [None] and row.hidden == [True] for row in rows)
    page = client_for(manager).get("/assessments/trend/").content.decode()
    assert "Hidden" in page
    table = page[page.index("<tbody") :]
    assert ">8.0<" not in table and ">2.0<" not in table
