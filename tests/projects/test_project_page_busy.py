"""Scenario (issue 25): Sam opens the busiest project of a council. It has had many sessions,
young people and ideas, yet the page reads no more from the database than a project with one
session: the counts come with the project, and only the young people it warns about are named."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.organisations.models import Membership
from coproduce.projects import services
from coproduce.projects.checklists import Stage
from coproduce.projects.ladders import Ladder
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)
LOW, HIGH = 1, 7  # Hart: manipulation (not participation), young people initiate and direct


def _a_quiet_project(staff: Membership, warned: Membership) -> Project:
    """One session, one young person (mostly on a low rung), one idea."""
    quiet = a_project(staff, name="Quiet")
    a_session(staff, quiet, [(warned, True, LOW)], on=datetime.date(2026, 10, 1))
    services.idea_record(
        acting_user=staff.user,
        project=quiet,
        text="More football",
        source="session",
        author=warned,
        owner=staff,
    )
    return quiet


def _a_busy_project(staff: Membership, warned: list[Membership], fine: list[Membership]) -> Project:
    """Twelve sessions, young people low and high on the ladder, eight ideas (three answered),
    a role, someone asking to join, a stage change and hours that went the wrong way."""
    busy = a_project(staff, name="Busy")
    for week in range(12):
        a_session(
            staff,
            busy,
            [*((p, True, LOW) for p in warned), *((p, True, HIGH) for p in fine)],
            on=datetime.date(2026, 8, 1) + datetime.timedelta(weeks=week),
            activity=f"Night {week + 1}",
        )
    ideas = [
        services.idea_record(
            acting_user=staff.user,
            project=busy,
            text=f"Idea {n}",
            source="session",
            author=fine[0],
            owner=staff,
            created_at=NOW - datetime.timedelta(days=40 - n),
        )
        for n in range(1, 9)
    ]
    services.response_give(
        acting_user=staff.user, ideas=ideas[:3], status="adopted", action="Done in October"
    )
    services.role_create(
        acting_user=staff.user,
        project=busy,
        title="Young designer",
        expectations="Draw ramps",
        tasks="Drawing",
        meeting_frequency="Weekly",
        duration="A term",
    )
    newcomer = YoungPersonFactory.create(
        organisation=staff.organisation, user__preferred_name="Nia"
    )
    services.join_request_create(
        acting_user=newcomer.user, project=busy, young_person=newcomer, message="Hi"
    )
    services.project_move(acting_user=staff.user, project=busy, to_stage=Stage.ACTIVITY)
    for month, staff_hours, young_hours in [(9, "60", "20"), (10, "45", "38")]:
        services.monthly_hours_record(
            acting_user=staff.user,
            project=busy,
            month=datetime.date(2026, month, 1),
            staff_hours=Decimal(staff_hours),
            young_people_hours=Decimal(young_hours),
        )
    return busy


def _page(client: Any, project: Project) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/projects/{project.pk}/")
    assert response.status_code == 200
    return response.content.decode().replace("&#x27;", "'"), len(queries.captured_queries)


@time_machine.travel(NOW)
def test_a_busy_project_page_reads_as_much_as_a_quiet_one(practitioner: Membership) -> None:
    org = practitioner.organisation
    warned = [
        YoungPersonFactory.create(organisation=org, user__preferred_name=name)
        for name in ("Zara", "Alys", "Macy")
    ]
    fine = [
        YoungPersonFactory.create(organisation=org, user__preferred_name=name)
        for name in ("Owain", "Bethan", "Gwen", "Ifan")
    ]
    quiet = _a_quiet_project(practitioner, warned[0])
    busy = _a_busy_project(practitioner, warned, fine)
    client = client_for(practitioner)
    _page(client, quiet)  # the first request of a session reads the member; not the page's cost

    quiet_page, quiet_queries = _page(client, quiet)
    busy_page, busy_queries = _page(client, busy)

    assert busy_queries == quiet_queries
    # Each young person whose own activity is mostly on the low rungs is named, by name; the
    # others are not, although they came to every session.
    warnings = [
        name
        for name in ("Alys", "Macy", "Zara", "Owain", "Bethan", "Gwen", "Ifan")
        if f"Most of {name}'s recorded activity here (12 of 12)" in busy_page
    ]
    assert warnings == ["Alys", "Macy", "Zara"]
    assert busy_page.index("Most of Alys") < busy_page.index("Most of Macy")
    assert "Most of Zara's recorded activity here (1 of 1)" in quiet_page
    # What the summary counts is read with the project.
    assert f'href="/projects/{busy.pk}/sessions/">See all 12 sessions</a>' in busy_page
    assert f'href="/projects/{busy.pk}/ideas/">See all 8 ideas</a>' in busy_page
    assert "5 ideas are waiting for an answer" in busy_page and "5 overdue" in busy_page
    assert "Add a role description" not in busy_page and "Add a role description" in quiet_page
    assert "replacing paid work" in busy_page and "replacing paid work" not in quiet_page
    assert "Night 12" in busy_page and "Night 9" not in busy_page  # the latest three only
    assert "84 attendances with a rung recorded" in busy_page
    assert "Nia" in busy_page and "Nia" not in quiet_page  # asking to join
    assert "See all" not in quiet_page


@time_machine.travel(NOW)
def test_the_rungs_follow_the_ladder_the_organisation_chose(
    practitioner: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner)
    a_session(practitioner, project, [(young_person, True, 4)], on=datetime.date(2026, 10, 1))
    client = client_for(practitioner)
    assert "4. Assigned but informed" in _page(client, project)[0]  # Hart, until one is chosen

    services.project_settings_update(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        ladder=Ladder.HEADSTART,
        feedback_due_days=28,
    )
    page = _page(client, project)[0]
    assert "4. Informed" in page and "Assigned but informed" not in page
