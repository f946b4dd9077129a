"""Scenario (issues 25, 26): Sam opens a busy project on a phone. The page starts with a
summary (stage, next session, what needs doing) and a contents list; the ideas show the
latest few with the rest a page at a time; decisions have their own tag colours."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
import time_machine

from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.models import Idea, Project, Status
from tests.conftest import client_for
from tests.scenarios import a_project, a_session

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)


def _ideas(project: Project, staff: Membership, author: Membership, count: int) -> list[Idea]:
    return [
        services.idea_record(
            acting_user=staff.user,
            project=project,
            text=f"Idea {n:02d}",
            source="session",
            author=author,
            owner=staff,
            created_at=NOW - datetime.timedelta(days=60) + datetime.timedelta(hours=n),
        )
        for n in range(1, count + 1)
    ]


def _cards(page: str) -> list[str]:
    return re.findall(r"<p class=\"govuk-body\">(Idea \d\d)</p>", page)


@time_machine.travel(NOW)
def test_it_shows_the_latest_ideas_and_every_idea_a_page_at_a_time(
    practitioner: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    club = a_project(practitioner)
    _ideas(club, practitioner, young_person, 34)
    client = client_for(practitioner)
    page = client.get(f"/projects/{club.pk}/").content.decode()
    assert _cards(page) == ["Idea 34", "Idea 33", "Idea 32"]
    assert f'href="/projects/{club.pk}/ideas/">See all 34 ideas</a>' in page

    with django_assert_max_num_queries(12):
        first = client.get(f"/projects/{club.pk}/ideas/").content.decode()
    assert _cards(first) == [f"Idea {n:02d}" for n in range(34, 24, -1)]
    assert "Ideas 1 to 10 of 34, newest first" in first
    last = client.get(f"/projects/{club.pk}/ideas/?page=4").content.decode()
    assert _cards(last) == ["Idea 04", "Idea 03", "Idea 02", "Idea 01"]
    assert 'rel="prev"' in last and 'rel="next"' not in last
    assert client_for(young_person).get(f"/projects/{club.pk}/ideas/").status_code == 403


@time_machine.travel(NOW)
def test_it_sums_up_the_stage_the_next_session_and_what_needs_doing(
    practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner)
    ideas = _ideas(club, practitioner, young_person, 3)
    services.response_give(
        acting_user=practitioner.user, ideas=[ideas[0]], status=Status.ADOPTED, action="Done"
    )
    a_session(practitioner, club, [], on=datetime.date(2026, 11, 27), activity="Pizza and plans")
    a_session(practitioner, club, [], on=datetime.date(2026, 12, 4), activity="Later night")
    services.join_request_create(
        acting_user=young_person.user, project=club, young_person=young_person, message="Hi"
    )
    page = client_for(practitioner).get(f"/projects/{club.pk}/").content.decode()
    summary = page[page.index('data-testid="project-summary"') : page.index("</dl>")]
    assert "Planning" in summary
    assert "Friday 27 November: Pizza and plans" in summary and "Later night" not in summary
    assert "2 ideas are waiting for an answer" in summary and "2 overdue" in summary
    assert young_person.user.display_name in summary and "Answer" in summary
    assert "checklist items for this stage are unanswered" in summary
    assert f'href="/projects/{club.pk}/roles/add/">Add a role description' in summary
    # The summary and contents come before the folded sections.
    assert page.index("project-summary") < page.index('data-testid="contents"')
    assert page.index('data-testid="contents"') < page.index('data-testid="sections"')
    for anchor in ["stage", "about", "sessions", "ladder", "ideas", "hours"]:
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    assert f'href="/projects/{club.pk}/people/"' in page


@time_machine.travel(NOW)
def test_it_counts_waiting_and_overdue_ideas_as_the_cards_do(
    practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner)
    old, fed_back, decided, fresh = _ideas(club, practitioner, young_person, 4)
    services.response_give(
        acting_user=practitioner.user,
        ideas=[fed_back],
        status=Status.UNDER_CONSIDERATION,
        feedback_given_on=datetime.date(2026, 11, 1),
        feedback_method="Told them at club",
    )
    services.response_give(
        acting_user=practitioner.user, ideas=[decided], status=Status.NOT_ADOPTED, reason="Money"
    )
    fresh.due_on = datetime.date(2026, 12, 30)
    fresh.save()
    today = datetime.date(2026, 11, 20)
    counts = selectors.idea_counts(project=club, today=today)
    overdue = [i for i in selectors.ideas_for(project=club) if i.is_overdue(today)]
    assert (counts.total, counts.waiting, counts.overdue) == (4, 2, len(overdue))
    assert overdue == [old]


@time_machine.travel(NOW)
def test_it_tags_each_decision_in_its_own_colour(
    practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner)
    adopted, partly, refused, thinking = _ideas(club, practitioner, young_person, 4)
    for idea, status in [
        (adopted, Status.ADOPTED),
        (partly, Status.PARTLY_ADOPTED),
        (refused, Status.NOT_ADOPTED),
        (thinking, Status.UNDER_CONSIDERATION),
    ]:
        services.response_give(
            acting_user=practitioner.user, ideas=[idea], status=status, reason="Too dear"
        )
    page = client_for(practitioner).get(f"/projects/{club.pk}/ideas/").content.decode()
    tags = dict(
        (label, colour)
        for colour, label in re.findall(r'govuk-tag--([a-z-]+)">([A-Za-z ]+)</strong>', page)
    )
    assert tags["Adopted"] == "green" and tags["Not adopted"] == "grey"
    assert len({tags[s.label] for s in Status}) == 4
    board = client_for(practitioner).get(f"/projects/{club.pk}/board/").content.decode()
    assert 'govuk-tag--grey">Not adopted' in board


def test_the_young_persons_ideas_panel_shows_no_full_stop_before_a_colon(
    practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner)
    idea = services.idea_record(
        acting_user=practitioner.user,
        project=club,
        text="Open the club on Saturday afternoons too.",
        source="session",
        author=young_person,
        owner=practitioner,
    )
    services.response_give(
        acting_user=practitioner.user, ideas=[idea], status=Status.ADOPTED, action="From May"
    )
    home = client_for(young_person).get("/").content.decode()
    assert "Saturday afternoons too." in home and ".:" not in home
    assert 'govuk-tag--green">Adopted' in home


def test_the_people_page_has_the_roles_and_who_asks_to_join(
    practitioner: Membership, young_person: Membership
) -> None:
    club = a_project(practitioner)
    services.role_create(
        acting_user=practitioner.user,
        project=club,
        title="Young designer",
        expectations="Draw ramps",
        tasks="Drawing",
        meeting_frequency="Weekly",
        duration="A term",
    )
    services.join_request_create(
        acting_user=young_person.user, project=club, young_person=young_person, message="Hi"
    )
    page = client_for(practitioner).get(f"/projects/{club.pk}/people/").content.decode()
    assert "Young designer" in page and "Asking to join" in page
    assert young_person.user.display_name in page
    assert "Who to invite next" in page and "Peer mentors" in page
    assert client_for(young_person).get(f"/projects/{club.pk}/people/").status_code == 403
