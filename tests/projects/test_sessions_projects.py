"""Scenario: the credits page adds up time given session by session and then by project; each
session is put with its own project, and another organisation's sessions are not there."""

from __future__ import annotations

from coproduce.organisations.models import Membership
from coproduce.projects.selectors import projects_of_sessions
from tests.scenarios import a_project, a_session


def test_each_session_is_put_with_its_own_project(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    art = a_project(practitioner, name="Art club")
    forum = a_project(practitioner, name="Youth forum")
    first = a_session(practitioner, art, [(young_person, True, None)])
    second = a_session(practitioner, art, [(young_person, False, None)])
    third = a_session(practitioner, forum, [])
    elsewhere = a_session(outsider, a_project(outsider, name="Their club"), [])

    found = projects_of_sessions(organisation=practitioner.organisation)

    assert found == {
        first.pk: (art.pk, "Art club"),
        second.pk: (art.pk, "Art club"),
        third.pk: (forum.pk, "Youth forum"),
    }
    assert elsewhere.pk not in found
