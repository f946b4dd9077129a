"""Scenario: a manager sets up interviews for a youth worker from the nef framework; a young
person and two staff sit on the panel, score alone, send their scores, then agree.

The rules, in our words: the guide (seed 000) suggests asking applicants for real times they
have worked to the framework's principles; the literature review (seed 002) describes young
people sitting on interview panels with a say equal to staff; and, as on a commissioning panel
(seed 003), each member scores on their own before the panel meets to agree."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.exceptions import ValidationError

from coproduce.assessments import interviews as sel
from coproduce.assessments.models import Interview, Panellist
from coproduce.assessments.services import interviews as services
from coproduce.organisations.models import Membership, Organisation
from tests.assessments.helpers import nef
from tests.conftest import client_for
from tests.factories import YoungPersonFactory

pytestmark = pytest.mark.django_db


def _page(member: Membership, url: str) -> str:
    response = client_for(member).get(url)
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def _set_up(organisation: Organisation, manager: Membership, panel: list[Membership]) -> Interview:
    return services.interview_create(
        acting_user=manager.user,
        organisation=organisation,
        created_by=manager,
        post="Youth worker",
        version=nef(organisation),
        held_on=datetime.date(2027, 5, 4),
        candidates=["Alex Candidate", "Bo Candidate", ""],
        panel=panel,
    )


def _score_all(interview: Interview, panellist: Panellist, value: int) -> None:
    for candidate in interview.candidates.all():
        services.interview_scores_save(
            acting_user=panellist.membership.user,
            panellist=panellist,
            candidate=candidate,
            marks=[
                services.Mark(q.indicator, value, "") for q in sel.questions_of(interview=interview)
            ],
        )
    services.interview_submit(acting_user=panellist.membership.user, panellist=panellist)


def test_it_turns_every_indicator_into_a_question_asking_for_a_real_time(
    organisation: Organisation, practitioner: Membership
) -> None:
    """Seed 000: ask candidates to describe times their own work showed the principles."""
    version = nef(organisation)
    page = _page(practitioner, f"/assessments/frameworks/{version.pk}/interview-questions/")
    for indicator in version.indicators.all():
        assert (
            f"Tell us about a time in your own work when this was true: “{indicator.title}”" in page
        )
    assert page.count("What part did young people play") == 8


def test_it_will_not_hold_interviews_without_a_young_person_on_the_panel(
    organisation: Organisation, manager: Membership, practitioner: Membership
) -> None:
    """Seed 002: young people have a place on the interview panel, not only staff."""
    with pytest.raises(ValidationError) as error:
        _set_up(organisation, manager, [manager, practitioner])
    assert "young person" in str(error.value)
    response = client_for(manager).post(
        "/assessments/interviews/new/",
        {
            "post": "Youth worker",
            "version": nef(organisation).pk,
            "held_on_day": "4",
            "held_on_month": "5",
            "held_on_year": "2027",
            "candidates": "Alex",
            "panel": [str(manager.pk), str(practitioner.pk)],
        },
    )
    assert "Add at least one young person" in html.unescape(response.content.decode())
    assert not Interview.objects.exists()


def test_each_member_scores_alone_and_the_panel_agrees_only_after_everyone_has_sent(
    organisation: Organisation,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    """Scores are individual first: nobody sees another's scores until all are sent, and no
    score can be agreed before then; afterwards young people's scores sit beside staff's."""
    interview = _set_up(organisation, manager, [practitioner, young_person])
    panel = {p.membership_id: p for p in interview.panel.all()}
    assert [c.name for c in interview.candidates.all()] == ["Alex Candidate", "Bo Candidate"]
    alex = interview.candidates.get(name="Alex Candidate")
    first = sel.questions_of(interview=interview)[0]

    # The young person sees the panel they sit on, and scores on their own.
    assert "Youth worker" in _page(young_person, "/assessments/")
    _score_all(interview, panel[young_person.pk], 4)
    page = _page(practitioner, f"/assessments/interviews/{interview.pk}/")
    assert "The panel agrees scores once every member has sent theirs" in page
    with pytest.raises(ValidationError):
        services.interview_agree(
            acting_user=practitioner.user,
            by=practitioner,
            candidate=alex,
            indicator=first.indicator,
            value=3,
            reason="We talked it through",
        )
    # Before everyone has sent, the spread is not shown to anyone.
    response = client_for(practitioner).get(
        f"/assessments/interviews/{interview.pk}/candidates/{alex.pk}/"
    )
    assert response.status_code == 302

    _score_all(interview, panel[practitioner.pk], 2)
    page = _page(practitioner, f"/assessments/interviews/{interview.pk}/candidates/{alex.pk}/")
    assert "Young people: 4 · Staff: 2 · Middle score: 3" in page

    response = client_for(young_person).post(
        f"/assessments/interviews/{interview.pk}/candidates/{alex.pk}/agree/{first.indicator.pk}/",
        {"value": "3", "reason": "Strong story, but young people only advised"},
    )
    assert response.status_code == 302
    page = _page(manager, f"/assessments/interviews/{interview.pk}/")
    assert "Alex Candidate" in page and "1 / 8" in page


def test_a_sent_score_cannot_change_and_one_member_cannot_score_for_another(
    organisation: Organisation,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    interview = _set_up(organisation, manager, [practitioner, young_person])
    mine = interview.panel.get(membership=practitioner)
    theirs = interview.panel.get(membership=young_person)
    alex = interview.candidates.get(name="Alex Candidate")
    response = client_for(practitioner).get(
        f"/assessments/interviews/{interview.pk}/candidates/{alex.pk}/score/"
    )
    assert response.status_code == 200
    with pytest.raises(ValidationError):
        services.interview_submit(acting_user=practitioner.user, panellist=mine)  # not scored
    _score_all(interview, mine, 3)
    with pytest.raises(ValidationError):
        services.interview_scores_save(
            acting_user=practitioner.user,
            panellist=mine,
            candidate=alex,
            marks=[services.Mark(sel.questions_of(interview=interview)[0].indicator, 1)],
        )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.interview_submit(acting_user=practitioner.user, panellist=theirs)


def test_a_young_person_not_on_the_panel_cannot_see_the_interview(
    organisation: Organisation,
    manager: Membership,
    practitioner: Membership,
    young_person: Membership,
) -> None:
    interview = _set_up(organisation, manager, [practitioner, young_person])
    other = YoungPersonFactory.create(organisation=organisation)
    assert client_for(other).get(f"/assessments/interviews/{interview.pk}/").status_code == 404
