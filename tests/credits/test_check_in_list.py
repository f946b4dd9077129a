"""The practitioner's check-in list refreshes itself: the page carries the script and a
"Refresh the list" link, and the script asks for the list alone (issue 26)."""

from __future__ import annotations

import datetime
from typing import Any

from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from coproduce.projects.models import Session
from tests.conftest import client_for
from tests.scenarios import a_project, a_session


def _session(practitioner: Membership) -> Session:
    project = a_project(practitioner, name="Skate Park Design")
    return a_session(
        practitioner,
        project,
        [],
        on=datetime.date(2026, 10, 6),
        minutes=90,
        activity="Ramp drawings",
    )


def test_it_gives_staff_a_list_that_refreshes_and_a_link_to_refresh_it(
    practitioner: Membership, young_person: Membership
) -> None:
    session = _session(practitioner)
    url = f"/credits/sessions/{session.pk}/issue/"
    page = client_for(practitioner).get(url).content.decode()
    assert 'src="/static/credits/check-ins.js"' in page
    assert f'data-refresh-url="{url}?part=check-ins"' in page
    assert f'href="{url}#checked-in"' in page and "Refresh the list" in page
    assert 'role="status"' in page and "0 young people have checked in." in page


def test_it_answers_the_script_with_the_list_alone(
    practitioner: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    session = _session(practitioner)
    credits.check_in_toggle(membership=young_person, session=session)
    client = client_for(practitioner)
    client.get("/")  # the session and membership caches warm up
    with django_assert_max_num_queries(12):
        part = client.get(f"/credits/sessions/{session.pk}/issue/?part=check-ins")
    text = part.content.decode()
    assert "Fran" in text and 'data-summary="1 young person has checked in."' in text
    assert "<html" not in text and "QR code" not in text
    # A young person cannot read it.
    assert client_for(young_person).get(
        f"/credits/sessions/{session.pk}/issue/?part=check-ins"
    ).status_code in {403, 404}
