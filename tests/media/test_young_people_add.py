"""Scenario: Fran adds a photo and a quote to a session she came to. Nothing is shown until a
youth worker approves it and the consent rules allow it; she cannot add to a session she
missed, and other young people never see what was left off the board, or why."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from coproduce.media.models import MediaItem
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Project, Session
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_parents_consent, a_project, a_session


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, format="JPEG")
    return SimpleUploadedFile("poster.jpg", buffer.getvalue())


@pytest.fixture
def project(practitioner: Membership, young_person: Membership) -> Project:
    project = a_project(practitioner, name="Skate Park Design")
    asked = projects.join_request_create(
        acting_user=young_person.user, project=project, young_person=young_person
    )
    projects.join_request_decide(acting_user=practitioner.user, join_request=asked, accept=True)
    return project


@pytest.fixture
def came(practitioner: Membership, young_person: Membership, project: Project) -> Session:
    return a_session(practitioner, project, [(young_person, True, 6)])


def test_a_young_person_adds_a_quote_that_waits_for_staff_then_consent(
    practitioner: Membership, young_person: Membership, project: Project, came: Session
) -> None:
    fran = client_for(young_person)
    page = fran.get(f"/projects/{project.pk}/").content.decode()
    assert f'href="/media/sessions/{came.pk}/add/"' in page
    sent = fran.post(
        f"/media/sessions/{came.pk}/add/",
        {"kind": "quote", "caption": "Why ramps matter", "quote_text": "Ramps for everyone"},
    )
    assert sent.status_code == 302
    item = MediaItem.objects.get()
    assert item.session == came and not item.approved and list(item.people.all()) == [young_person]
    assert "Waiting to be checked" in fran.get(f"/projects/{project.pk}/").content.decode()

    a_parents_consent(
        practitioner, young_person, "quote", timezone.localdate() - datetime.timedelta(days=1)
    )
    staff = client_for(practitioner)
    assert "Ramps for everyone" not in fran.get(f"/projects/{project.pk}/board/").content.decode()
    board = staff.get(f"/projects/{project.pk}/board/").content.decode()
    assert "Why ramps matter: Waiting for staff approval" in board
    assert "1 photo or quote from a young person is waiting for approval" in (
        staff.get("/").content.decode()
    )
    assert "Check and approve" in staff.get("/media/").content.decode()

    staff.post(f"/media/{item.pk}/approve/", {"people": [young_person.pk]})
    item.refresh_from_db()
    assert item.approved and item.approved_by == practitioner.user
    assert "Ramps for everyone" in fran.get(f"/projects/{project.pk}/board/").content.decode()
    assert "waiting for approval" not in staff.get("/").content.decode()
    assert staff.get(f"/media/{item.pk}/approve/").status_code == 404


def test_an_approved_photo_still_needs_everyone_in_it_to_consent(
    practitioner: Membership, young_person: Membership, project: Project, came: Session
) -> None:
    leo = YoungPersonFactory.create(organisation=project.organisation, user__preferred_name="Leo")
    a_parents_consent(
        practitioner, young_person, "photo", timezone.localdate() - datetime.timedelta(days=1)
    )
    client_for(young_person).post(
        f"/media/sessions/{came.pk}/add/",
        {"kind": "photo", "caption": "Our poster", "file": _photo(), "shows_me": "on"},
    )
    item = MediaItem.objects.get()
    assert client_for(young_person).get(f"/media/{item.pk}/file/").status_code == 200
    client_for(practitioner).post(
        f"/media/{item.pk}/approve/", {"people": [young_person.pk, leo.pk]}
    )
    staff_board = client_for(practitioner).get(f"/projects/{project.pk}/board/").content.decode()
    assert "Our poster: Leo:" in staff_board
    fran_board = client_for(young_person).get(f"/projects/{project.pk}/board/").content.decode()
    assert "Our poster" not in fran_board and "Left off the board" not in fran_board


def test_a_young_person_cannot_add_to_a_session_they_did_not_come_to(
    practitioner: Membership, young_person: Membership, project: Project
) -> None:
    other = YoungPersonFactory.create(organisation=project.organisation)
    missed = a_session(practitioner, project, [(young_person, False, None), (other, True, 4)])
    page = client_for(young_person).post(
        f"/media/sessions/{missed.pk}/add/",
        {"kind": "quote", "caption": "Hi", "quote_text": "I was not there"},
    )
    assert page.status_code == 200
    assert "only to sessions you came to" in page.content.decode()
    assert not MediaItem.objects.exists()
    assert client_for(practitioner).get(f"/media/sessions/{missed.pk}/add/").status_code == 403
