"""Who to invite next: the young people asked least come first, those under 13 are marked and
kept in, and those already in the project are left out (seed 002: recruitment bias)."""

from __future__ import annotations

import datetime

import time_machine

from coproduce.inclusion import selectors
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session

TODAY = datetime.date(2026, 11, 20)


def _aged(member: Membership, name: str, age: int) -> Membership:
    return YoungPersonFactory.create(
        organisation=member.organisation,
        user__first_name=name,
        user__last_name="Test",
        user__preferred_name="",
        user__date_of_birth=TODAY.replace(year=TODAY.year - age, day=1),
    )


def _sessions(staff: Membership, project: object, people: list[Membership], n: int) -> None:
    for week in range(n):
        a_session(
            staff,
            project,  # type: ignore[arg-type]
            [(p, True, 3) for p in people],
            on=TODAY - datetime.timedelta(weeks=week),
        )


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_the_least_asked_come_first_and_under_13s_are_kept_in(practitioner: Membership) -> None:
    busy = _aged(practitioner, "Busy", 16)
    some = _aged(practitioner, "Some", 15)
    never = _aged(practitioner, "Never", 17)
    young = _aged(practitioner, "Young", 11)
    club = a_project(practitioner, name="Club")
    _sessions(practitioner, club, [busy, young], 3)
    _sessions(practitioner, a_project(practitioner, name="Panel"), [some], 1)

    ranked = selectors.least_asked(organisation=practitioner.organisation, limit=10)
    # Busy and Young were asked alike: then by name.
    assert [s.person for s in ranked] == [never, some, busy, young]
    assert ranked[0].places == 0 and ranked[0].last is None
    assert [s.person for s in ranked if s.under_13] == [young]

    # Only two places to suggest: the least-asked under-13 takes the place of an older one,
    # though they were asked more.
    two = selectors.least_asked(organisation=practitioner.organisation, limit=2, under_13s=1)
    assert [s.person for s in two] == [never, young]
    # Without keeping a place for under-13s, they would have been left out.
    plain = selectors.least_asked(organisation=practitioner.organisation, limit=2, under_13s=0)
    assert [s.person for s in plain] == [never, some]


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_the_project_page_suggests_who_is_not_yet_in_it(
    practitioner: Membership, young_person: Membership
) -> None:
    came = _aged(practitioner, "Came", 15)
    young = _aged(practitioner, "Young", 12)
    club = a_project(practitioner, name="Club")
    _sessions(practitioner, club, [came], 1)

    page = client_for(practitioner).get(f"/projects/{club.pk}/people/").content.decode()
    assert "Who to invite next" in page
    table = page[page.index('data-testid="who-to-ask"') :]
    table = table[: table.index("</table>")]
    assert young.user.display_name in table and "Under 13" in table
    assert came.user.display_name not in table  # already in the project
    assert f"/inclusion/who-to-ask/?project={club.pk}" in page

    full = client_for(practitioner).get(f"/inclusion/who-to-ask/?project={club.pk}")
    text = full.content.decode()
    assert "Not yet in Club" in text and came.user.display_name not in text.split("</form>")[1]
    everyone = client_for(practitioner).get("/inclusion/who-to-ask/").content.decode()
    assert came.user.display_name in everyone


def test_young_people_do_not_see_who_to_invite(young_person: Membership) -> None:
    assert client_for(young_person).get("/inclusion/who-to-ask/").status_code == 403
