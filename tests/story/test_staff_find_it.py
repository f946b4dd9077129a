"""Scenario: a youth worker finds a young person's story from their page, and names and sees a
project's peer mentors from the project's page, without typing an address."""

from __future__ import annotations

import datetime

from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session


def test_a_young_persons_page_links_to_their_story(
    practitioner: Membership, young_person: Membership
) -> None:
    html = client_for(practitioner).get(f"/organisation/people/{young_person.pk}/").content.decode()
    assert f'href="/story/people/{young_person.pk}/"' in html
    assert f'href="/story/people/{young_person.pk}/story.pdf"' in html
    staff_page = client_for(practitioner).get(f"/organisation/people/{practitioner.pk}/")
    assert "/story/people/" not in staff_page.content.decode()


def test_a_projects_page_shows_its_peer_mentors_and_where_to_name_one(
    practitioner: Membership, young_person: Membership
) -> None:
    younger = YoungPersonFactory.create(
        organisation=practitioner.organisation,
        user__preferred_name="Leo",
        user__date_of_birth=datetime.date(2013, 4, 1),
    )
    project = a_project(practitioner, name="Youth Forum")
    a_session(practitioner, project, [(young_person, True, 6), (younger, True, 4)])
    staff = client_for(practitioner)
    page = staff.get(f"/projects/{project.pk}/people/").content.decode()
    assert "Nobody is named as a peer mentor" in page
    assert f'href="/story/projects/{project.pk}/mentors/"' in page
    staff.post(
        f"/story/projects/{project.pk}/mentors/", {"mentor": young_person.pk, "mentee": younger.pk}
    )
    assert "Fran mentors Leo" in staff.get(f"/projects/{project.pk}/people/").content.decode()
