"""Scenario: a manager looks at how much time young people gave to each project. Time put
right by a reversal is not counted, the busiest project comes first, and two projects that
share a name are not added together."""

from __future__ import annotations

from django.urls import reverse

from coproduce.credits import ledger, services
from coproduce.credits.selectors import summary_for
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session


def test_it_shows_the_time_given_to_each_project_busiest_first(
    practitioner: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    forum = a_project(practitioner, name="Youth forum")
    art = a_project(practitioner, name="Art club")
    for minutes in (60, 90):
        session = a_session(
            practitioner, art, [(young_person, True, None), (other, True, None)], minutes=minutes
        )
        services.credits_issue_for_session(acting_user=practitioner.user, session=session)
    session = a_session(practitioner, forum, [(young_person, True, None)], minutes=120)
    services.credits_issue_for_session(acting_user=practitioner.user, session=session)

    by_project = summary_for(organisation=practitioner.organisation).by_project

    assert by_project == [("Art club", 2 * 60 + 2 * 90), ("Youth forum", 120)]


def test_it_leaves_out_time_that_was_put_right(
    practitioner: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    forum = a_project(practitioner, name="Youth forum")
    session = a_session(
        practitioner, forum, [(young_person, True, None), (other, True, None)], minutes=60
    )
    wrong, _right = services.credits_issue_for_session(
        acting_user=practitioner.user, session=session
    )
    ledger.reverse(acting_user=practitioner.user, entry=wrong, reason="They were not there")

    assert summary_for(organisation=practitioner.organisation).by_project == [("Youth forum", 60)]


def test_two_projects_with_the_same_name_are_shown_apart(
    practitioner: Membership, young_person: Membership
) -> None:
    for minutes in (60, 30):
        project = a_project(practitioner, name="Summer scheme")
        session = a_session(practitioner, project, [(young_person, True, None)], minutes=minutes)
        services.credits_issue_for_session(acting_user=practitioner.user, session=session)

    by_project = summary_for(organisation=practitioner.organisation).by_project

    assert by_project == [("Summer scheme", 60), ("Summer scheme", 30)]


def test_the_overview_shows_the_ten_projects_where_most_time_was_given(
    practitioner: Membership, young_person: Membership, manager: Membership
) -> None:
    for number in range(12):
        project = a_project(practitioner, name=f"Project {number:02d}")
        session = a_session(
            practitioner, project, [(young_person, True, None)], minutes=30 + 10 * number
        )
        services.credits_issue_for_session(acting_user=practitioner.user, session=session)

    page = client_for(manager).get(reverse("credits:overview")).content.decode()

    assert "Project 11" in page and "Project 02" in page
    assert "Project 01" not in page and "Project 00" not in page
    assert "the most time was given, of 12." in page
