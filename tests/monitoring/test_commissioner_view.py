"""Scenario: Chris commissions youth services from two organisations. He sees only what an
organisation chose to share, never a young person's name, and no figure about fewer than 5."""

from __future__ import annotations

import datetime
from typing import Any

from django_scopes import scopes_disabled

from coproduce.core.suppression import hide, hide_group
from coproduce.organisations.models import Membership, Organisation
from coproduce.organisations.roles import Role
from coproduce.projects import services as projects
from coproduce.projects.models import Project
from tests.conftest import client_for
from tests.factories import MembershipFactory, OrganisationFactory, YoungPersonFactory


def test_small_numbers_are_hidden() -> None:
    assert [hide(n) for n in (0, 4, 5, 12)] == [None, None, 5, 12]


def test_a_single_hidden_part_cannot_be_worked_out_from_the_total() -> None:
    assert hide_group(15, [6, 7, 2]) == (15, [None, 7, None])
    assert hide_group(20, [10, 10]) == (20, [10, 10])
    assert hide_group(12, [5, 6, 1, 0]) == (
        12,
        [5, 6, None, None],
    )  # two hidden: only their sum is known
    assert hide_group(3, [1, 2]) == (None, [None, None])
    assert hide_group(9, [9, 0]) == (9, [None, None])


def _organisation_with_a_project(
    name: str, people: int, commissioner_user: Any
) -> tuple[Organisation, Membership]:
    org = OrganisationFactory.create(name=name)
    staff = MembershipFactory.create(organisation=org)
    MembershipFactory.create(organisation=org, user=commissioner_user, role=Role.COMMISSIONER)
    project = projects.project_create(
        acting_user=staff.user, organisation=org, name=f"{name} youth forum", aims="x"
    )
    session = projects.session_record(
        acting_user=staff.user,
        project=project,
        date=datetime.date.today(),
        duration_minutes=60,
        activity="Meeting",
    )
    young = [
        YoungPersonFactory.create(
            organisation=org,
            user__first_name=f"SECRETNAME{i}",
            user__preferred_name=f"SECRETNAME{i}",
            user__date_of_birth=datetime.date(2011, 1, 1),
        )
        for i in range(people)
    ]
    projects.attendance_record(
        acting_user=staff.user, session=session, entries=[(y, True, 5) for y in young]
    )
    return org, staff


def test_a_commissioner_sees_only_what_an_organisation_shared(commissioner: Membership) -> None:
    user = commissioner.user
    sharing, _sharing_staff = _organisation_with_a_project("Valley Trust", 7, user)
    private, _staff = _organisation_with_a_project("Hill Club", 7, user)
    sharing.share_with_commissioners = True
    sharing.save()
    client = client_for(commissioner)
    page = client.get("/monitoring/shared/").content.decode()
    assert "Valley Trust youth forum" in page and "Hill Club" not in page
    with scopes_disabled():
        hill = Project.objects.get(name="Hill Club youth forum")
        valley = Project.objects.get(name="Valley Trust youth forum")
    assert client.get(f"/monitoring/shared/{private.slug}/projects/{hill.pk}/").status_code == 404
    # A project of the sharing organisation cannot be asked for under another's address.
    assert client.get(f"/monitoring/shared/{sharing.slug}/projects/{hill.pk}/").status_code == 404
    report = client.get(f"/monitoring/shared/{sharing.slug}/projects/{valley.pk}/").content.decode()
    assert "Young people who took part" in report and ">7<" in report
    assert "SECRETNAME" not in page + report


def test_sharing_is_off_until_an_admin_turns_it_on(
    commissioner: Membership, admin: Membership, practitioner: Membership
) -> None:
    org = commissioner.organisation
    assert org.share_with_commissioners is False
    client = client_for(commissioner)
    assert 'data-testid="nothing-shared"' in client.get("/monitoring/shared/").content.decode()
    assert (
        client_for(practitioner).post("/monitoring/sharing/", {"share": "yes"}).status_code == 403
    )
    assert client_for(admin).post("/monitoring/sharing/", {"share": "yes"}).status_code == 302
    org.refresh_from_db()
    assert org.share_with_commissioners is True
    assert 'data-testid="shared-organisation"' in client.get("/monitoring/shared/").content.decode()


def test_figures_about_fewer_than_five_young_people_are_hidden(commissioner: Membership) -> None:
    org, _staff = _organisation_with_a_project("Small Club", 3, commissioner.user)
    org.share_with_commissioners = True
    org.save()
    with scopes_disabled():
        project = Project.objects.get(organisation=org)
    report = (
        client_for(commissioner)
        .get(f"/monitoring/shared/{org.slug}/projects/{project.pk}/")
        .content.decode()
    )
    assert "fewer than 5" in report
    assert ">3<" not in report  # not the number of young people, nor places or hours from them
    assert "SECRETNAME" not in report
