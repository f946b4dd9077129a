"""Issue 26: journeys a person finishes without help. An empty "Save and continue" says so
(skipping is a separate, explicit choice); the submit summary links to each missing answer;
the result reads scores in plain words and the next band as a goal; the trend puts the
latest round first. The phone layout itself is checked in tests/e2e/test_assessment_phone.py."""

from __future__ import annotations

import datetime
import html
import re

import pytest

from coproduce.assessments import results, services
from coproduce.assessments.frameworks import builtins_install
from coproduce.assessments.models import Framework, Score
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import fill, open_round
from tests.conftest import client_for
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_an_empty_save_and_continue_but_lets_you_skip_on_purpose(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = services.assessment_start(
        acting_user=None,
        round_=round_,
        respondent=practitioner,
        perspective="staff",
        levels=["practice", "project"],
    )
    first, second = list(round_.version.indicators.all())[:2]
    url = f"/assessments/{assessment.pk}/indicators/{first.pk}/"
    client = client_for(practitioner)

    page = html.unescape(client.post(url, {}).content.decode())
    assert "There is a problem" in page
    assert "My own practice: choose a score from 1 to 9, or choose ‘Skip for now’" in page
    assert "My project: choose a score from 1 to 9, or choose ‘Skip for now’" in page
    assert 'href="#id_value_practice_0"' in page  # the summary lands on the first score
    assert not Score.objects.filter(assessment=assessment).exists()

    # One level answered: still stopped, on the level that is missing only.
    page = html.unescape(client.post(url, {"value_practice": "5"}).content.decode())
    assert "My project: choose a score" in page and "My own practice: choose" not in page

    skipped = client.post(url, {"skip": "1", "example_practice": "Started on this"})
    assert skipped["Location"] == f"/assessments/{assessment.pk}/indicators/{second.pk}/"
    assert Score.objects.get(assessment=assessment, level="practice").example == "Started on this"
    later = client.post(url, {"later": "1"})
    assert later["Location"] == f"/assessments/{assessment.pk}/"
    # The background autosave keeps whatever is there, as before.
    assert client.post(url, {}, headers={"HX-Request": "true"}).status_code == 204

    moved_on = client.post(url, {"value_practice": "5", "value_project": "6"})
    assert moved_on["Location"] == f"/assessments/{assessment.pk}/indicators/{second.pk}/"


def test_it_asks_a_young_person_in_plain_words(
    organisation: Organisation, young_person: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = services.assessment_start(
        acting_user=None, round_=round_, respondent=young_person, perspective="young_people"
    )
    first = round_.version.indicators.first()
    assert first is not None
    page = html.unescape(
        client_for(young_person)
        .post(f"/assessments/{assessment.pk}/indicators/{first.pk}/", {})
        .content.decode()
    )
    assert "Choose how true this is, from 1 to 9, or choose ‘Skip for now’" in page
    assert "Skip for now" in page


def test_it_asks_for_an_answer_on_a_yes_or_no_framework(
    organisation: Organisation, manager: Membership
) -> None:
    builtins_install(organisation=organisation)
    version = Framework.objects.get(organisation=organisation, key="shier-pathways").versions.get()
    round_ = services.round_open(
        acting_user=None,
        organisation=organisation,
        name="Pathways 2027",
        version=version,
        opens_on=datetime.date(2027, 3, 1),
        due_on=datetime.date(2027, 3, 31),
    )
    assessment = services.assessment_start(
        acting_user=None, round_=round_, respondent=manager, perspective="staff"
    )
    first = version.indicators.first()
    assert first is not None
    page = html.unescape(
        client_for(manager)
        .post(f"/assessments/{assessment.pk}/indicators/{first.pk}/", {})
        .content.decode()
    )
    level = assessment.levels[0]
    assert "choose an answer, or choose ‘Skip for now’" in page
    assert f'href="#id_answer_{level}_0"' in page


def test_it_links_each_missing_answer_from_the_submit_summary(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, 6, submit=False)
    first, second = list(round_.version.indicators.all())[:2]
    services.answers_save(
        acting_user=None,
        assessment=assessment,
        indicator=first,
        answers=[
            services.Answer(level="practice", value=6, example=""),
            services.Answer(level="project", value=None, example=""),
        ],
    )
    response = client_for(practitioner).post(f"/assessments/{assessment.pk}/submit/")
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    start = page.index('class="govuk-error-summary"')
    summary = page[start : page.index("</ul>", start)]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', summary)
    base = f"/assessments/{assessment.pk}/indicators/{first.pk}/"
    assert links == [
        (
            f"{base}#id_example_practice",
            f"{first.title} – My own practice: give a practical example",
        ),
        (f"{base}#id_value_project_0", f"{first.title} – My project: choose a score"),
    ]
    assert f"/indicators/{second.pk}/" not in summary


def test_it_reads_scores_in_plain_words_and_the_next_band_as_a_goal(
    organisation: Organisation, practitioner: Membership
) -> None:
    round_ = open_round(organisation)
    assessment = fill(round_, practitioner, [8, 6, 3, 8, 8, 8, 8, 8])
    verdict = results.verdicts(assessment, results.assessment_views(assessment))[0]
    third = list(round_.version.indicators.all())[2]
    assert (verdict.met, verdict.total) == (6, 8)
    assert verdict.start_with is not None and verdict.start_with.indicator == third
    page = html.unescape(
        client_for(practitioner).get(f"/assessments/{assessment.pk}/result/").content.decode()
    )
    text = re.sub(r"<[^>]+>", "", page)
    assert "6 out of 9 (Getting there)" in text
    assert "3 out of 9 (Basic)" in text
    excellent = third.bands.get(band="getting_there").descriptor
    assert f"To reach getting there (4 to 6): {excellent}" in text
    assert "To reach excellent (7 to 9):" in text
    assert "getting_there" not in text
    assert not re.search(r"(?m)^\s*(Excellent|Getting there): ", text)
    assert f"start with “{third.title}” (3 out of 9)." in text


def test_the_trend_puts_the_latest_round_first(
    organisation: Organisation, manager: Membership
) -> None:
    staff = [MembershipFactory.create(organisation=organisation) for _ in range(5)]
    autumn = open_round(organisation, name="Autumn 2026", opens_on=datetime.date(2026, 9, 1))
    for person in staff:
        fill(autumn, person, 3)
    services.round_close(acting_user=None, round_=autumn)
    spring = open_round(organisation, name="Spring 2027", opens_on=datetime.date(2027, 3, 1))
    for person in staff:
        fill(spring, person, 7)
    page = html.unescape(client_for(manager).get("/assessments/trend/").content.decode())
    body = page[page.index("<tbody") :]
    assert body.index("Spring 2027 (latest): </span>7.0") < body.index("Autumn 2026: </span>3.0")
