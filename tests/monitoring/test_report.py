"""Scenario: a practitioner prepares the monitoring report for the Youth Club Redesign. Every
figure is recomputed here from the records, independently, and must match the page, the PDF
and the spreadsheet."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from coproduce.credits import services as credits
from coproduce.monitoring import services as monitoring
from coproduce.monitoring.report import project_report
from coproduce.monitoring.selectors import inclusion_of
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Attendance, Idea, Project
from tests.conftest import client_for
from tests.documents import pdf_text, xlsx_rows
from tests.factories import YoungPersonFactory
from tests.prepared import prepared_download, uses_worker

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
QUERY = "?start_day=1&start_month=1&start_year=2026&end_day=30&end_month=6&end_year=2026"


def _young(organisation: Any, name: str, born: datetime.date, **kw: Any) -> Membership:
    return YoungPersonFactory.create(
        organisation=organisation,
        user__first_name=name,
        user__preferred_name=name,
        user__date_of_birth=born,
        **kw,
    )


@pytest.fixture
def club(practitioner: Membership) -> dict[str, Any]:
    org, user = practitioner.organisation, practitioner.user
    project = projects.project_create(
        acting_user=user,
        organisation=org,
        name="Youth Club Redesign",
        aims="Redesign the club",
        in_scope="The Friday programme",
        out_of_scope="Opening hours (set by the council)",
    )
    amy = _young(org, "Amy", datetime.date(2014, 9, 1))  # 11 at the end of June
    ben = _young(org, "Ben", datetime.date(2011, 2, 1))  # 15
    cai = _young(org, "Cai", datetime.date(2009, 5, 1), in_care=True)  # 17
    dee = _young(org, "Dee", datetime.date(2004, 1, 1))  # 22, only came before the period
    _young(org, "Eve", datetime.date(2012, 1, 1))  # never invited
    before = projects.session_record(
        acting_user=user,
        project=project,
        date=datetime.date(2025, 11, 5),
        duration_minutes=60,
        activity="Autumn meeting",
    )
    projects.attendance_record(
        acting_user=user, session=before, entries=[(dee, True, 4), (ben, True, 2)]
    )
    s1 = projects.session_record(
        acting_user=user,
        project=project,
        date=datetime.date(2026, 2, 6),
        duration_minutes=120,
        activity="Planning night",
    )
    projects.attendance_record(
        acting_user=user, session=s1, entries=[(amy, True, 3), (ben, True, 4), (cai, False, None)]
    )
    s2 = projects.session_record(
        acting_user=user,
        project=project,
        date=datetime.date(2026, 5, 1),
        duration_minutes=90,
        activity="Painting the club",
    )
    projects.attendance_record(
        acting_user=user, session=s2, entries=[(amy, True, 6), (ben, True, 5), (cai, True, 5)]
    )
    credits.credits_issue_for_session(acting_user=user, session=s1)
    credits.credits_issue_for_session(acting_user=user, session=s2)
    projects.inclusion_save(
        acting_user=user,
        project=project,
        young_person=cai,
        barriers=["transport"],
        support_given="Bus fare",
        support_amount_pence=450,
    )
    return {"project": project, "people": [amy, ben, cai, dee]}


def _ideas(practitioner: Membership, project: Project, amy: Membership) -> None:
    import time_machine

    with time_machine.travel(datetime.datetime(2026, 2, 6, 18, tzinfo=datetime.UTC)):
        on_time = projects.idea_record(
            acting_user=practitioner.user,
            project=project,
            text="Music nights",
            source="session",
            owner=practitioner,
            author=amy,
        )
        late = projects.idea_record(
            acting_user=practitioner.user,
            project=project,
            text="Open on Sundays",
            source="session",
            owner=practitioner,
            author=amy,
        )
        projects.idea_record(
            acting_user=practitioner.user,
            project=project,
            text="A pool table",
            source="session",
            owner=practitioner,
            group_name="Friday group",
        )
    projects.response_give(
        acting_user=practitioner.user,
        ideas=[on_time],
        status="adopted",
        action="Monthly music night",
        feedback_given_on=datetime.date(2026, 2, 20),
        feedback_method="At the club",
    )
    projects.response_give(
        acting_user=practitioner.user,
        ideas=[late],
        status="not_adopted",
        reason="Staff costs",
        feedback_given_on=datetime.date(2026, 6, 1),
        feedback_method="Letter",
    )


def expected(project: Project) -> dict[str, Any]:
    """The figures, counted from the records with plain Python (not the report's code)."""
    rows = [
        a
        for a in Attendance.objects.filter(session__project=project).select_related(
            "session", "young_person"
        )
        if START <= a.session.date <= END
    ]
    came = [a for a in rows if a.attended]
    people = {a.young_person_id for a in came}
    earlier = {
        a.young_person_id
        for a in Attendance.objects.filter(session__project=project, attended=True)
        if a.session.date < START
    }
    ideas = [i for i in Idea.objects.filter(project=project) if START <= i.created_at.date() <= END]
    answered_on_time = [
        i
        for i in ideas
        if i.response and i.response.feedback_given_on and i.response.feedback_given_on <= i.due_on
    ]
    return {
        "young_people": len(people),
        "new_young_people": len(people - earlier),
        "places": len(came),
        "hours": Decimal(sum(a.session.duration_minutes for a in came)) / 60,
        "sessions": len({a.session_id for a in rows}),
        "ideas": len(ideas),
        "feedback_on_time": Decimal(len(answered_on_time)) / len(ideas),
    }


def test_the_report_figures_match_the_records(
    practitioner: Membership, club: dict[str, Any]
) -> None:
    project = club["project"]
    _ideas(practitioner, project, club["people"][0])
    want = expected(project)
    report = project_report(project, START, END)
    got = {k: report.figures[k].value for k in want}
    assert got["young_people"] == want["young_people"] == 3
    assert got["new_young_people"] == want["new_young_people"] == 2  # Ben came before
    assert got["places"] == want["places"] == 5
    # Two young people for 2 hours, then three for 1.5 hours.
    assert got["hours"] == want["hours"] == Decimal("8.5")
    assert got["sessions"] == want["sessions"] == 2
    assert got["ideas"] == want["ideas"] == 3
    assert got["feedback_on_time"] == want["feedback_on_time"].quantize(Decimal("0.001"))
    assert report.figures["in_care"].value == 1 and report.figures["under_13"].value == 1
    assert report.figures["with_barriers"].value == 1 and report.figures[
        "support_spent"
    ].value == Decimal("4.5")
    assert report.figures["climbed"].value == 2  # Amy 3→6, Ben 4→5
    assert report.figures["credits_hours"].value == want["hours"]
    assert sorted(report.figures["young_people"].records) == ["Amy", "Ben", "Cai"]
    assert dict(report.age_bands) == {"11–12": 1, "13–15": 1, "16–17": 1, "18–25": 0}


@uses_worker
def test_the_pdf_and_spreadsheet_hold_the_same_numbers(
    practitioner: Membership, club: dict[str, Any]
) -> None:
    project = club["project"]
    _ideas(practitioner, project, club["people"][0])
    want = expected(project)
    client = client_for(practitioner)
    monitoring.narrative_save(
        acting_user=practitioner.user,
        project=project,
        start=START,
        end=END,
        question="improve",
        text="Start the feedback sooner.",
    )
    page = client.get(f"/monitoring/projects/{project.pk}/{QUERY}").content.decode()
    assert f'data-figure="places">{want["places"]}<' in page
    assert "Start the feedback sooner." in page and "Opening hours (set by the council)" in page

    text = pdf_text(
        prepared_download(client, f"/monitoring/projects/{project.pk}/report.pdf{QUERY}").body
    )
    assert "Monitoring report: Youth Club Redesign" in text and "Start the feedback sooner." in text
    assert "Places taken at sessions" in text and "Youth Engagement Guarantee" in text
    for line in text.splitlines():
        if "Hours young people gave" in line:
            assert line.split()[-1] == str(want["hours"].normalize())

    book = prepared_download(client, f"/monitoring/projects/{project.pk}/report.xlsx{QUERY}").body
    sheet = xlsx_rows(book)
    values = {row[1]: row[2] for row in sheet[1:] if row[1]}
    assert values["Young people who took part"] == want["young_people"]
    assert values["Places taken at sessions"] == want["places"]
    assert values["Hours young people gave"] == float(want["hours"])
    assert values["Share of ideas with feedback given on time"] == float(
        round(want["feedback_on_time"], 3)
    )
    records = xlsx_rows(book, sheet=2)
    places = [r[1] for r in records if r[0] == "Places taken at sessions"]
    assert len(places) == want["places"] and "06 Feb 2026: Amy" in places
    guarantee = xlsx_rows(book, sheet=1)
    assert any(str(r[0]).startswith("7. Direct feedback") for r in guarantee[1:])


def test_inclusion_across_the_organisation(practitioner: Membership, club: dict[str, Any]) -> None:
    org = practitioner.organisation
    monitoring.population_save(
        acting_user=practitioner.user, organisation=org, counts={"11–12": 10, "In care": 4}
    )
    view = inclusion_of(org, START, END)
    assert view.on_books == 5 and view.took_part == 3
    rows = {r.group: r for r in view.rows}
    assert (rows["11–12"].took_part, rows["11–12"].population, rows["11–12"].rate) == (
        1,
        10,
        Decimal("0.100"),
    )
    assert (rows["In care"].took_part, rows["In care"].rate) == (1, Decimal("0.250"))
    assert sorted(view.places) == [0, 0, 1, 2, 2]  # Dee came only before the period; Eve never
    assert view.gini == Decimal("0.480")  # sorted 0,0,1,2,2: (0·1 + 2·2 + 4·2) / (5 · 5)
    assert [p.display_name for p in view.never_invited] == ["Eve"]
    assert view.under_13_share == Decimal("0.333")
    page = client_for(practitioner).get(f"/monitoring/inclusion/{QUERY}").content.decode()
    assert 'data-testid="gini">0.480<' in page and 'data-testid="top-tenth">0.400<' in page
