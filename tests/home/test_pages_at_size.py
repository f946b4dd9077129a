"""Scenario: a county council's organisation grows from a handful of young people to many, with
sessions every week, ideas on the board and time credits earned at each. The pages everyone
opens first (a member of staff's home, a young person's home and their time credits) ask the
database the same number of questions however big the organisation or however much a young
person has done: what the page shows grows, its queries do not."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.services import api_token_create
from coproduce.credits import services as credits
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session, an_idea

STAFF_PAGES = ["/", "/projects/", "/organisation/people/", "/credits/", "/monitoring/inclusion/"]
YOUNG_PAGES = [
    "/",
    "/credits/me/",
    "/projects/my-ideas/",
    "/projects/my-journey/",
    "/projects/board/",
]
API_LISTS = ["/api/v1/organisation/people", "/api/v1/credits/balances", "/api/v1/projects/"]


def _grow(staff: Membership, fran: Membership, size: int, round_: int) -> None:
    """`size` more young people, a project with `size` weekly sessions that Fran and the
    newcomers came to, an idea of Fran's at each, and time credits for Fran at each."""
    newcomers = [YoungPersonFactory.create(organisation=staff.organisation) for _ in range(size)]
    project = a_project(staff, name=f"Youth forum {round_}")
    today = datetime.date.today()
    for week in range(size):
        came = [(fran, True, None)] + [(person, True, None) for person in newcomers]
        a_session(staff, project, came, on=today - datetime.timedelta(weeks=week + 1))
        an_idea(staff, project, f"Idea {round_}.{week}: a later bus home", author=fran)
        credits.credits_award(
            acting_user=staff.user,
            membership=fran,
            minutes=30,
            reason="Youth forum",
            idempotency_key=f"forum-{round_}-{week}",
        )


def _queries(client: Client, path: str, **headers: str) -> int:
    client.get(path, headers=headers)  # the first visit may fill caches; count the next
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, headers=headers).status_code == 200, path
    return len(captured)


def _counts(staff: Membership, fran: Membership, token: str) -> dict[str, int]:
    auth = {"Authorization": f"Bearer {token}"}
    staff_client, fran_client = client_for(staff), client_for(fran)
    counts = {f"staff {path}": _queries(staff_client, path) for path in STAFF_PAGES}
    counts |= {f"young {path}": _queries(fran_client, path) for path in YOUNG_PAGES}
    counts |= {f"API {path}": _queries(Client(), path, **auth) for path in API_LISTS}
    return counts


def test_the_first_pages_cost_the_same_however_big_the_organisation_grows(
    practitioner: Membership, young_person: Membership
) -> None:
    _token, raw = api_token_create(
        acting_user=practitioner.user, membership=practitioner, name="Monitoring sheet"
    )
    _grow(practitioner, young_person, 2, round_=1)
    small = _counts(practitioner, young_person, raw)

    _grow(practitioner, young_person, 12, round_=2)
    grown = _counts(practitioner, young_person, raw)

    assert grown == small
    # The pages did grow: Fran's credits and the people list show what was added.
    statement = client_for(young_person).get("/credits/me/").content.decode()
    assert "Youth forum" in statement
    people = client_for(practitioner).get("/organisation/people/").content.decode()
    assert people.count('href="/organisation/people/') >= 15
