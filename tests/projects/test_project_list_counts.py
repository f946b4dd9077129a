"""Scenario: a council's projects page lists each project with how many sessions it has held;
the count is right for every project, and a project with no sessions yet shows none."""

from __future__ import annotations

import re
from typing import Any

from coproduce.organisations.models import Membership
from coproduce.projects.selectors import projects_for
from tests.conftest import client_for
from tests.scenarios import a_project, a_session


def test_it_counts_each_projects_sessions_on_the_list(
    practitioner: Membership, young_person: Membership, django_assert_max_num_queries: Any
) -> None:
    busy = a_project(practitioner, name="Art club")
    for _ in range(3):
        a_session(practitioner, busy, [(young_person, True, None)])
    quiet = a_project(practitioner, name="Youth forum")
    a_session(practitioner, quiet, [(young_person, True, None)])
    a_project(practitioner, name="Zine makers")

    counts = {
        p.name: p.session_count  # type: ignore[attr-defined]  # annotated by the selector
        for p in projects_for(organisation=practitioner.organisation)
    }
    assert counts == {"Art club": 3, "Youth forum": 1, "Zine makers": 0}

    client = client_for(practitioner)
    client.get("/projects/")
    with django_assert_max_num_queries(12):
        page = client.get("/projects/").content.decode()
    rows = re.findall(
        r">(Art club|Youth forum|Zine makers)</a>.*?--numeric\"[^>]*>\s*(\d+)\s*<", page, re.S
    )
    assert rows == [("Art club", "3"), ("Youth forum", "1"), ("Zine makers", "0")]


def test_sessions_do_not_add_to_the_number_of_projects(
    practitioner: Membership, young_person: Membership
) -> None:
    project = a_project(practitioner, name="Art club")
    for _ in range(4):
        a_session(practitioner, project, [(young_person, True, None)])
    a_project(practitioner, name="Youth forum")

    assert projects_for(organisation=practitioner.organisation).count() == 2
