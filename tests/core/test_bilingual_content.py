"""Scenario: staff write a project in English and Welsh. Each reader sees their own language;
where a text has no translation yet, the other language shows, marked with its own lang
attribute, and staff see it on the list of texts still to translate."""

from __future__ import annotations

import re

import pytest

from coproduce.organisations.models import Membership
from coproduce.projects.models import Project
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _in(language: str, membership: Membership) -> Membership:
    membership.user.language = language
    membership.user.save()
    return membership


def test_staff_write_a_project_in_both_languages_and_each_reader_gets_theirs(
    practitioner: Membership, manager: Membership
) -> None:
    staff = client_for(_in("cy", practitioner))
    form = staff.get("/projects/add/").content.decode()
    assert 'name="name_cy"' in form and 'lang="cy"' in form
    answer = staff.post(
        "/projects/add/",
        {
            "name": "Youth club redesign",
            "name_cy": "Ailgynllunio'r clwb ieuenctid",
            "aims": "A better club",
            "aims_cy": "",
            "designed_by": "together",
            "delivered_by": "together",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    project = Project.objects.get()
    # Written while using Welsh, but each box kept its own language.
    assert getattr(project, "name_en_gb") == "Youth club redesign"  # noqa: B009
    assert getattr(project, "name_cy") == "Ailgynllunio'r clwb ieuenctid"  # noqa: B009

    welsh_page = staff.get(answer["Location"]).content.decode()
    assert re.search(r"<h1[^>]*>Ailgynllunio&#x27;r clwb ieuenctid</h1>", welsh_page)
    # No Welsh aims yet: the English shows, marked as English.
    assert re.search(r'<dd class="govuk-summary-list__value" lang="en">A better club', welsh_page)

    english_page = client_for(_in("en-gb", manager)).get(answer["Location"]).content.decode()
    assert re.search(r'<h1 class="govuk-heading-l">Youth club redesign</h1>', english_page)

    todo = staff.get("/organisation/translations/").content.decode()
    assert 'lang="en">A better club' in todo
    assert "Youth club redesign" not in todo


def test_changing_a_project_shows_each_language_in_its_own_box(practitioner: Membership) -> None:
    staff = client_for(_in("cy", practitioner))
    staff.post(
        "/projects/add/",
        {
            "name": "Music",
            "name_cy": "Cerddoriaeth",
            "aims": "Songs",
            "designed_by": "together",
            "delivered_by": "together",
        },
    )
    project = Project.objects.get()
    form = staff.get(f"/projects/{project.pk}/change/").content.decode()
    assert re.search(r'name="name"[^>]*value="Music"', form)
    assert re.search(r'name="name_cy"[^>]*value="Cerddoriaeth"', form)
