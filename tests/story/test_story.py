"""Scenario: Fran is applying to college. Her story lists the projects she took part in, her
role, sessions and hours, the biggest say she had, her credits, her certificate and her
accreditation, on a page and in a PDF she can attach. Only she, and staff of her
organisation, can open it."""

from __future__ import annotations

import datetime
import subprocess
from typing import Any

from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from tests.conftest import client_for
from tests.documents import pdf_text
from tests.factories import YoungPersonFactory
from tests.prepared import prepared_download, uses_worker
from tests.scenarios import a_project, a_session


def _fran_did_things(practitioner: Membership, fran: Membership) -> None:
    project = a_project(practitioner, name="Skate Park Plans")
    role = projects.role_create(
        acting_user=practitioner.user,
        project=project,
        title="Young inspector",
        expectations="Come to meetings",
        tasks="Visit and score places",
        meeting_frequency="Weekly",
        duration="Three months",
    )
    asked = projects.join_request_create(
        acting_user=fran.user, project=project, young_person=fran, role=role
    )
    projects.join_request_decide(acting_user=practitioner.user, join_request=asked, accept=True)
    for day, rung in ((datetime.date(2026, 9, 4), 5), (datetime.date(2026, 10, 2), 7)):
        session = a_session(practitioner, project, [(fran, True, rung)], on=day, minutes=120)
        credits.credits_issue_for_session(acting_user=practitioner.user, session=session)
    credits.credits_award(
        acting_user=practitioner.user,
        membership=fran,
        minutes=7 * 60,
        reason="Interview panel",
        idempotency_key="panel",
    )  # 11 hours in all: the 10-hour certificate
    credits.accreditation_record(
        acting_user=practitioner.user,
        membership=fran,
        scheme="ASDAN",
        title="Short course in community volunteering",
        hours=10,
    )


def test_it_tells_a_young_person_what_they_have_done_in_plain_words(
    practitioner: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    _fran_did_things(practitioner, young_person)
    client = client_for(young_person)
    client.get("/story/")
    with django_assert_max_num_queries(15):
        html = client.get("/story/").content.decode()
    assert "Skate Park Plans" in html and "Role: Young inspector" in html
    assert "2 sessions, 4 hours" in html and "September 2026 to October 2026" in html
    assert "11 credits, for 11 hours of time given" in html
    assert "ASDAN" in html and "Short course in community volunteering" in html
    assert "10 hours" in html  # the milestone certificate
    assert "The biggest say:" in html and "Manipulation" not in html


@uses_worker
def test_it_makes_a_tagged_pdf_to_attach_to_an_application(
    practitioner: Membership, young_person: Membership
) -> None:
    _fran_did_things(practitioner, young_person)
    pdf = prepared_download(client_for(young_person), "/story/my-story.pdf")
    assert pdf.content_type == "application/pdf"
    info = subprocess.run(["pdfinfo", "-"], input=pdf.body, capture_output=True, check=True)
    assert "Tagged:          yes" in info.stdout.decode()  # a screen reader can follow it
    text = pdf_text(pdf.body)
    assert "Skate Park Plans" in text and "Young inspector" in text and "ASDAN" in text


def test_only_they_and_their_organisations_staff_can_open_it(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    _fran_did_things(practitioner, young_person)
    other = YoungPersonFactory.create(organisation=practitioner.organisation)
    staff = client_for(practitioner)
    assert "Skate Park Plans" in staff.get(f"/story/people/{young_person.pk}/").content.decode()
    # The PDF is made by the worker: staff are sent to the page that waits for it.
    asked = staff.get(f"/story/people/{young_person.pk}/story.pdf")
    assert asked.status_code == 302 and asked["Location"].startswith("/files/")
    assert staff.get(f"/story/people/{practitioner.pk}/").status_code == 404  # not a young person
    assert client_for(other).get(f"/story/people/{young_person.pk}/").status_code == 403
    assert "Skate Park Plans" not in client_for(other).get("/story/").content.decode()
    assert client_for(outsider).get(f"/story/people/{young_person.pk}/").status_code == 404
    assert client_for(practitioner).get("/story/").status_code == 403


def test_an_empty_story_says_so_kindly(young_person: Membership) -> None:
    html = client_for(young_person).get("/story/").content.decode()
    assert "Nothing here yet" in html


def test_a_named_peer_mentor_shows_in_both_stories(
    practitioner: Membership, young_person: Membership
) -> None:
    younger = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__first_name="Leo",
        user__preferred_name="Leo",
        user__date_of_birth=datetime.date(2013, 4, 1),
    )
    project = a_project(practitioner, name="Youth Forum")
    a_session(practitioner, project, [(young_person, True, 6), (younger, True, 4)])
    staff = client_for(practitioner)
    url = f"/story/projects/{project.pk}/mentors/"
    refused = staff.post(url, {"mentor": younger.pk, "mentee": young_person.pk})
    assert "must be older" in refused.content.decode()
    staff.post(url, {"mentor": young_person.pk, "mentee": younger.pk})
    fran = client_for(young_person).get("/story/").content.decode()
    leo = client_for(younger).get("/story/").content.decode()
    assert "Mentor to Leo in Youth Forum" in fran
    assert "Mentored by Fran in Youth Forum" in leo
    assert client_for(younger).get(url).status_code == 403
