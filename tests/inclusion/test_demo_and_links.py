"""The demo report's barriers and support come from records staff can reach from the register
and the young person's page."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from coproduce.core.forms import period_from
from coproduce.core.tenancy import all_organisations
from coproduce.home.demo import load_demo
from coproduce.monitoring.report import project_report
from coproduce.projects.models import Attendance, Inclusion, Project
from tests.conftest import client_for


def test_it_shows_barriers_and_support_cost_in_the_demo_report(
    db: None, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    context = load_demo()
    assert context is not None
    _form, start, end = period_from({})
    with all_organisations():
        club = Project.objects.get(organisation=context.organisation, name="Youth Club Redesign")
        came = set(
            Attendance.objects.filter(
                session__project=club, attended=True, session__date__range=(start, end)
            ).values_list("young_person_id", flat=True)
        )
        rows = [r for r in Inclusion.objects.filter(project=club) if r.young_person_id in came]
        report = project_report(club, start, end)
    # Worked out again from the records.
    expected_barriers = len([r for r in rows if r.barriers])
    expected_pence = sum(r.support_amount_pence or 0 for r in rows)
    assert expected_barriers >= 3 and expected_pence > 0
    assert report.figures["with_barriers"].value == expected_barriers
    assert Decimal(str(report.figures["support_spent"].value)) * 100 == expected_pence


def test_it_links_the_barriers_form_from_the_register_and_the_person_page(
    practitioner: Any, young_person: Any
) -> None:
    from coproduce.projects import services as projects

    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Club",
        aims="Fun",
    )
    session = projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 10, 2),
        duration_minutes=60,
        activity="Games",
    )
    projects.attendance_record(
        acting_user=practitioner.user, session=session, entries=[(young_person, True, 5)]
    )
    link = f"/projects/{project.pk}/taking-part/{young_person.pk}/"
    client = client_for(practitioner)
    register = client.get(f"/projects/sessions/{session.pk}/register/").content.decode()
    assert link in register
    person = client.get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert link in person
    assert client.get(link).status_code == 200
