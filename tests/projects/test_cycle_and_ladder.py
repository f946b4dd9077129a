"""Scenario: a project moves round the cycle of co-production; the register records how much
say each young person had; the ladder and the hours say when something is wrong."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.checklists import CHECKLISTS, Stage
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session


@pytest.fixture
def project(practitioner: Membership) -> Project:
    return services.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Care Leavers' Guide",
        aims="A guide",
        forms=["co_design", "co_delivery"],
    )


def test_it_moves_on_with_open_items_but_records_how_many(
    project: Project, practitioner: Membership
) -> None:
    items = CHECKLISTS[Stage.PLANNING]
    services.checklist_save(
        acting_user=practitioner.user,
        project=project,
        stage=Stage.PLANNING,
        answers={items[0][0]: ("yes", ""), items[1][0]: ("no", "Not yet")},
    )
    change = services.project_move(
        acting_user=practitioner.user, project=project, to_stage=Stage.RECRUITMENT
    )
    assert change.open_items == len(items) - 1  # one 'No' and the unanswered ones
    assert project.stage == Stage.RECRUITMENT
    # The cycle may loop back.
    services.project_move(acting_user=practitioner.user, project=project, to_stage=Stage.PLANNING)
    assert project.stage_changes.count() == 2


def test_it_saves_the_checklist_and_moves_from_the_page(
    project: Project, practitioner: Membership
) -> None:
    data = {f"answer_{item}": "yes" for item, _ in CHECKLISTS[Stage.PLANNING]}
    data.update(
        {f"notes_{item}": "" for item, _ in CHECKLISTS[Stage.PLANNING]}, move_to="recruitment"
    )
    client_for(practitioner).post(f"/projects/{project.pk}/checklist/", data)
    project.refresh_from_db()
    assert project.stage == "recruitment"
    assert selectors.open_checklist_items(project=project, stage="planning") == []


def test_it_refuses_unknown_forms_of_co_production(practitioner: Membership) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.project_create(
            acting_user=practitioner.user,
            organisation=practitioner.organisation,
            name="x",
            aims="y",
            forms=["co_nonsense"],
        )


def _session(
    project: Project, practitioner: Membership, day: int, rungs: dict[Membership, int]
) -> None:
    session = services.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 9, day),
        duration_minutes=60,
        activity=f"Week {day}",
    )
    services.attendance_record(
        acting_user=practitioner.user,
        session=session,
        entries=[(m, True, r) for m, r in rungs.items()],
    )


def test_it_warns_when_most_activity_is_on_non_participation_rungs(
    project: Project, practitioner: Membership, young_person: Membership
) -> None:
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    _session(project, practitioner, 1, {young_person: 2, other: 3})
    _session(project, practitioner, 8, {young_person: 6, other: 1})
    spread = selectors.rung_spread(project=project)
    assert (spread.total, spread.non_participation, spread.warning) == (4, 3, True)
    assert (
        "non-participation rungs"
        in client_for(practitioner).get(f"/projects/{project.pk}/").content.decode()
    )
    _session(project, practitioner, 15, {young_person: 7, other: 6})
    assert selectors.rung_spread(project=project).warning is False


def test_it_shows_a_young_persons_climb_in_date_order(
    project: Project, practitioner: Membership, young_person: Membership
) -> None:
    for day, rung in [(15, 5), (1, 2), (29, 8)]:
        _session(project, practitioner, day, {young_person: rung})
    steps = selectors.journey_of(membership=young_person)
    assert [s.rung.number for s in steps] == [2, 5, 8]
    html = client_for(young_person).get("/projects/my-journey/").content.decode()
    assert html.index("Rung 2 of 8") < html.index("Rung 8 of 8")


def test_it_refuses_a_rung_off_the_ladder(
    project: Project, practitioner: Membership, young_person: Membership
) -> None:
    from django.core.exceptions import ValidationError

    session = services.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 9, 1),
        duration_minutes=60,
        activity="x",
    )
    with pytest.raises(ValidationError):
        services.attendance_record(
            acting_user=practitioner.user, session=session, entries=[(young_person, True, 9)]
        )


def test_it_warns_when_young_peoples_hours_replace_staff_hours(
    project: Project, practitioner: Membership
) -> None:
    def month(m: int, staff: str, young: str) -> None:
        services.monthly_hours_record(
            acting_user=practitioner.user,
            project=project,
            month=datetime.date(2026, m, 12),
            staff_hours=Decimal(staff),
            young_people_hours=Decimal(young),
        )

    month(7, "60", "20")
    month(8, "62", "30")
    assert selectors.substitution_warning(project=project) is None  # both grew: additive
    month(9, "45", "38")
    warning = selectors.substitution_warning(project=project)
    assert warning is not None and warning.month == datetime.date(2026, 9, 1)
    assert (
        "replacing paid work"
        in client_for(practitioner).get(f"/projects/{project.pk}/").content.decode()
    )


def test_it_records_barriers_and_support(
    project: Project, practitioner: Membership, young_person: Membership
) -> None:
    client_for(practitioner).post(
        f"/projects/{project.pk}/taking-part/{young_person.pk}/",
        {
            "barriers": ["transport", "timing"],
            "support_given": "Bus fares",
            "support_amount": "6.40",
            "meeting_preferences": "After 5pm",
        },
    )
    row = project.inclusion.get()
    assert row.barriers == ["transport", "timing"] and row.support_amount_pence == 640


def test_it_gives_staff_the_project_api(
    project: Project, practitioner: Membership, young_person: Membership
) -> None:
    from django.test import Client

    from coproduce.accounts.services import api_token_create

    _t, raw = api_token_create(acting_user=practitioner.user, membership=practitioner, name="x")
    auth = {"Authorization": f"Bearer {raw}"}
    api = Client()
    made = api.post(
        f"/api/v1/projects/{project.pk}/sessions",
        {"date": "2026-09-04", "duration_minutes": 90, "activity": "Design workshop"},
        content_type="application/json",
        headers=auth,
    )
    assert made.status_code == 201
    session_id = made.json()["id"]
    put = api.put(
        f"/api/v1/projects/sessions/{session_id}/attendance",
        [{"young_person_id": young_person.pk, "attended": True, "rung": 6}],
        content_type="application/json",
        headers=auth,
    )
    assert put.json() == [{"young_person_id": young_person.pk, "attended": True, "rung": 6}]
    listed = api.get("/api/v1/projects/", headers=auth).json()
    assert listed["count"] == 1
    assert [p["name"] for p in listed["items"]] == ["Care Leavers' Guide"]
    bad = api.post(
        "/api/v1/projects/",
        {"name": "x", "aims": "y", "forms": ["co_nonsense"]},
        content_type="application/json",
        headers=auth,
    )
    assert bad.status_code == 422 and "forms" in bad.json()["errors"]


def test_the_sessions_page_lists_every_session_newest_first_a_page_at_a_time(
    practitioner: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner)
    first_day = datetime.date(2026, 1, 5)
    for n in range(25):
        a_session(
            practitioner,
            project,
            [(young_person, True, 4)],
            on=first_day + datetime.timedelta(weeks=n),
            activity=f"Week {n + 1:02d}",
        )
    client = client_for(practitioner)
    first = client.get(f"/projects/{project.pk}/sessions/").content.decode()
    second = client.get(f"/projects/{project.pk}/sessions/?page=2").content.decode()
    assert first.count(">Week ") == 20 and second.count(">Week ") == 5
    assert "Week 25" in first and "Week 01" in second
    assert first.index("Week 25") < first.index("Week 24")
