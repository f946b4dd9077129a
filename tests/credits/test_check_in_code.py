"""Scenario: a young person who cannot scan the QR code types the session's short code; the
register leads staff on to issuing credits."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from coproduce.credits import selectors as credit_sel
from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Session
from tests.conftest import client_for

NOW = datetime.datetime(2026, 10, 6, 17, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _now() -> object:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def session(practitioner: Membership) -> Session:
    project = projects.project_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Skate Park Design",
        aims="Design the skate park",
    )
    return projects.session_record(
        acting_user=practitioner.user,
        project=project,
        date=datetime.date(2026, 10, 6),
        duration_minutes=90,
        activity="Ramp drawings",
    )


def test_it_shows_staff_a_short_code_beside_the_qr_code(
    session: Session, practitioner: Membership
) -> None:
    code = credits.check_in_code(session)
    assert len(code) == 6 and not set(code) & set("01OIL")
    html = client_for(practitioner).get(f"/credits/sessions/{session.pk}/issue/").content.decode()
    assert code in html


def test_it_checks_a_young_person_in_by_typed_code(
    session: Session, young_person: Membership
) -> None:
    home = client_for(young_person).get("/").content.decode()
    assert "/credits/check-in/" in home
    code = credits.check_in_code(session)
    typed = f" {code[:3].lower()} {code[3:]} "
    page = client_for(young_person).post("/credits/check-in/", {"code": typed})
    assert page.status_code == 302
    assert credit_sel.check_in_of(session=session, membership=young_person) is not None
    status = client_for(young_person).get(page["Location"]).content.decode()
    assert "You checked in at" in status
    # Typing it again does not check them out.
    client_for(young_person).post("/credits/check-in/", {"code": code})
    row = credit_sel.check_in_of(session=session, membership=young_person)
    assert row is not None and row.checked_out_at is None


def test_it_refuses_a_wrong_code_or_another_days_code_in_words(
    session: Session, practitioner: Membership, young_person: Membership
) -> None:
    page = client_for(young_person).post("/credits/check-in/", {"code": "ZZZZZZ"})
    assert "That code is not right" in page.content.decode()
    later = projects.session_record(
        acting_user=practitioner.user,
        project=session.project,
        date=datetime.date(2026, 10, 20),
        duration_minutes=60,
        activity="Model making",
    )
    page = client_for(young_person).post(
        "/credits/check-in/", {"code": credits.check_in_code(later)}
    )
    assert "That code is not right" in page.content.decode()
    assert credit_sel.check_in_of(session=later, membership=young_person) is None
    assert credits.check_in_code(later) != credits.check_in_code(session)


def test_it_leads_staff_from_the_register_to_issuing_credits(
    session: Session, practitioner: Membership, young_person: Membership
) -> None:
    register = client_for(practitioner).get(f"/projects/sessions/{session.pk}/register/")
    assert f"/credits/sessions/{session.pk}/issue/" in register.content.decode()
    saved = client_for(practitioner).post(
        f"/projects/sessions/{session.pk}/register/", {f"came_{young_person.pk}": "on"}
    )
    assert saved["Location"] == f"/projects/sessions/{session.pk}/register/?saved=1"
    html = client_for(practitioner).get(saved["Location"]).content.decode()
    assert "Now issue credits" in html and "Issue credits for this session" in html
