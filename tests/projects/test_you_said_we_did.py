"""Scenario: the Friday club tells staff what they want. Every idea gets an answer and
feedback on time; 'no' always comes with a reason; young people see what happened."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.models import Idea, Project, Status
from tests.conftest import client_for

START = datetime.datetime(2026, 10, 1, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def club(practitioner: Membership) -> Project:
    return services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Youth Club Redesign",
        aims="Redesign Friday club",
    )


def _idea(
    club: Project,
    practitioner: Membership,
    author: Membership | None,
    text: str = "Open on Saturdays",
) -> Idea:
    return services.idea_record(
        acting_user=practitioner.user,
        project=club,
        text=text,
        source="session",
        author=author,
        group_name="" if author else "Friday club",
        owner=practitioner,
        created_at=START,
    )


def test_it_refuses_not_adopted_without_a_reason(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    idea = _idea(club, practitioner, young_person)
    with pytest.raises(ValidationError, match="why"):
        services.response_give(
            acting_user=practitioner.user, ideas=[idea], status=Status.NOT_ADOPTED
        )
    page = client_for(practitioner).post(
        f"/projects/ideas/{idea.pk}/answer/", {"status": "not_adopted", "action": "Nothing yet"}
    )
    html = page.content.decode()
    assert "Say why the idea was not adopted" in html and "Nothing yet" in html
    idea.refresh_from_db()
    assert idea.response is None


def test_it_marks_feedback_overdue_after_the_organisations_period(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    idea = _idea(club, practitioner, young_person)
    assert idea.due_on == datetime.date(2026, 10, 29)  # 28 days by default
    org = practitioner.organisation
    assert list(selectors.overdue_ideas(organisation=org, today=datetime.date(2026, 10, 29))) == []
    assert list(selectors.overdue_ideas(organisation=org, today=datetime.date(2026, 10, 30))) == [
        idea
    ]
    # "Under consideration" without feedback given is still overdue; feedback given clears it.
    services.response_give(
        acting_user=practitioner.user, ideas=[idea], status=Status.UNDER_CONSIDERATION
    )
    assert list(selectors.overdue_ideas(organisation=org, today=datetime.date(2026, 10, 30))) == [
        idea
    ]
    services.response_give(
        acting_user=practitioner.user,
        ideas=[idea],
        status=Status.ADOPTED,
        action="Saturday club starts in November",
        feedback_given_on=datetime.date(2026, 10, 31),
        feedback_method="At the club",
    )
    assert list(selectors.overdue_ideas(organisation=org, today=datetime.date(2026, 11, 5))) == []


@pytest.mark.parametrize(
    ("status", "reason", "action"),
    [
        (Status.NOT_ADOPTED, "The building is shut at weekends", ""),
        (Status.ADOPTED, "", "Saturday club starts in November"),
        (Status.PARTLY_ADOPTED, "Only once a month", "First Saturday of the month"),
    ],
)
def test_it_counts_an_answer_as_feedback_when_the_feedback_date_is_blank(
    club: Project,
    practitioner: Membership,
    young_person: Membership,
    status: str,
    reason: str,
    action: str,
) -> None:
    idea = _idea(club, practitioner, young_person, text="A quiet room please")
    org = practitioner.organisation
    late = datetime.date(2026, 11, 20)
    assert list(selectors.overdue_ideas(organisation=org, today=late)) == [idea]
    services.response_give(
        acting_user=practitioner.user, ideas=[idea], status=status, reason=reason, action=action
    )
    idea.refresh_from_db()
    assert idea.response is not None and idea.response.feedback_given_on is None
    assert list(selectors.overdue_ideas(organisation=org, today=late)) == []
    assert not idea.is_overdue(late)
    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC)):
        home = client_for(practitioner).get("/").content.decode()
        projects_page = client_for(practitioner).get("/projects/").content.decode()
    assert "waiting too long for feedback" not in home and "A quiet room please" not in home
    assert "Feedback overdue" not in projects_page


def test_it_uses_the_feedback_period_the_organisation_sets(
    club: Project, admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    services.project_settings_update(
        acting_user=admin.user, organisation=admin.organisation, ladder="hart", feedback_due_days=14
    )
    assert _idea(club, practitioner, young_person).due_on == datetime.date(2026, 10, 15)


def test_it_shows_overdue_feedback_on_the_staff_dashboard_and_the_projects_page(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    _idea(club, practitioner, young_person, text="A quiet room please")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC)):
        html = client_for(practitioner).get("/").content.decode()
        projects_page = client_for(practitioner).get("/projects/").content.decode()
    assert "waiting too long for feedback" in html and "A quiet room please" in html
    assert "Feedback overdue" in projects_page and "A quiet room please" in projects_page
    assert "— Youth Club Redesign, due 29 Oct" in projects_page


def test_it_answers_several_ideas_at_once_and_tells_each_young_person(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    from tests.factories import YoungPersonFactory

    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    first, second = (
        _idea(club, practitioner, young_person),
        _idea(club, practitioner, other, "Weekend opening"),
    )
    response = services.response_give(
        acting_user=practitioner.user,
        ideas=[first, second],
        status=Status.PARTLY_ADOPTED,
        action="Open one Saturday a month",
    )
    assert set(response.ideas.all()) == {first, second}
    told = Notification.objects.filter(kind="idea.status")
    assert {n.recipient for n in told} == {young_person.user, other.user}
    # The same decision again does not message them twice.
    services.response_give(
        acting_user=practitioner.user,
        ideas=[first, second],
        status=Status.PARTLY_ADOPTED,
        action="Open one Saturday a month",
    )
    assert Notification.objects.filter(kind="idea.status").count() == 2


def test_it_shows_a_young_person_their_own_ideas_and_what_became_of_them(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    from tests.factories import YoungPersonFactory

    mine = _idea(club, practitioner, young_person, "Open on Saturdays")
    _idea(
        club,
        practitioner,
        YoungPersonFactory.create(organisation=practitioner.organisation),
        "Not mine",
    )
    services.response_give(
        acting_user=practitioner.user,
        ideas=[mine],
        status=Status.NOT_ADOPTED,
        reason="The building is shut at weekends",
    )
    html = client_for(young_person).get("/projects/my-ideas/").content.decode()
    assert "Open on Saturdays" in html and "Not adopted" in html and "The building is shut" in html
    assert "Not mine" not in html


def test_it_needs_an_author_or_a_group(club: Project, practitioner: Membership) -> None:
    with pytest.raises(ValidationError):
        services.idea_record(
            acting_user=practitioner.user,
            project=club,
            text="x",
            source="session",
            owner=practitioner,
        )


def test_it_prints_a_board_of_answered_ideas(
    club: Project, practitioner: Membership, young_person: Membership
) -> None:
    answered, waiting = (
        _idea(club, practitioner, young_person, "Answered one"),
        _idea(club, practitioner, young_person, "Waiting one"),
    )
    services.response_give(
        acting_user=practitioner.user, ideas=[answered], status=Status.ADOPTED, action="Done"
    )
    html = client_for(practitioner).get(f"/projects/{club.pk}/board/").content.decode()
    assert "Answered one" in html and "Waiting one" not in html
    assert waiting.response is None
