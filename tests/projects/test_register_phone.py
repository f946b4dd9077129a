"""Issue 26: the register made quick to take on a phone. "Everyone came" marks every young
person on the register and saves, with no script; how much say young people had is one answer
for the session, in plain words staff can read aloud, and a young person whose say was
different can have their own. What is stored (a rung from 1 to 8) is unchanged, so reports
and the ladder warnings read it as before, with the ladder's own names."""

from __future__ import annotations

import datetime
import re

import pytest

from coproduce.organisations.models import Membership
from coproduce.projects import selectors, services
from coproduce.projects.ladders import HART, HEADSTART
from coproduce.projects.models import Attendance, Session
from tests.conftest import client_for
from tests.factories import UserFactory, YoungPersonFactory
from tests.scenarios import a_project, a_session

pytestmark = pytest.mark.django_db


def _three(staff: Membership) -> list[Membership]:
    return [
        YoungPersonFactory.create(
            organisation=staff.organisation,
            user=UserFactory.create(preferred_name="", first_name=first, last_name="Jones"),
        )
        for first in ["Ana", "Ben", "Cai"]
    ]


def _session(staff: Membership, came: list[tuple[Membership, bool, int | None]]) -> Session:
    return a_session(staff, a_project(staff), came, on=datetime.date(2026, 10, 2))


def _url(session: Session) -> str:
    return f"/projects/sessions/{session.pk}/register/"


def _saved(session: Session) -> dict[str, tuple[bool, int | None]]:
    return {
        a.young_person.user.first_name: (a.attended, a.rung)
        for a in Attendance.objects.filter(session=session).select_related("young_person__user")
    }


def _chosen(page: str, name: str) -> str:
    """The option chosen in the drop-down called `name`."""
    options = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.DOTALL)
    assert options, f"no {name} on the page"
    chosen = re.search(r'<option value="([^"]*)" selected>', options[1])
    return chosen[1] if chosen else ""


def test_it_marks_everyone_on_the_register_as_came_and_saves(practitioner: Membership) -> None:
    ana, ben, cai = _three(practitioner)
    session = _session(practitioner, [])
    client = client_for(practitioner)

    # Nobody ticked: the "Everyone came" button alone marks all three, with the session's say.
    response = client.post(_url(session), {"everyone": "yes", "rung": "5"}, follow=True)

    assert _saved(session) == {"Ana": (True, 5), "Ben": (True, 5), "Cai": (True, 5)}
    page = response.content.decode()
    assert "Register saved. Everyone came." in page
    for member in [ana, ben, cai]:
        assert re.search(rf'name="came_{member.pk}" id="id_came_{member.pk}" checked', page)


def test_it_saves_only_the_ticked_young_people_with_save_register(
    practitioner: Membership,
) -> None:
    ana, ben, cai = _three(practitioner)
    session = _session(practitioner, [(ana, True, 4), (ben, True, 4), (cai, True, 4)])

    client_for(practitioner).post(
        _url(session), {f"came_{ana.pk}": "on", f"came_{cai.pk}": "on", "rung": "4"}
    )

    assert _saved(session) == {"Ana": (True, 4), "Ben": (False, None), "Cai": (True, 4)}


def test_it_records_the_sessions_say_for_everyone_who_came_unless_someone_had_their_own(
    practitioner: Membership,
) -> None:
    ana, ben, _cai = _three(practitioner)
    session = _session(practitioner, [])

    client_for(practitioner).post(
        _url(session),
        {f"came_{ana.pk}": "on", f"came_{ben.pk}": "on", "rung": "6", f"rung_{ben.pk}": "3"},
    )

    # Cai did not come: no row is made for him. The ladder warnings read Ben's own rung.
    assert _saved(session) == {"Ana": (True, 6), "Ben": (True, 3)}
    spread = selectors.rung_spread(project=session.project)
    assert sorted((c.rung.number, c.count) for c in spread.counts if c.count) == [(3, 1), (6, 1)]


def test_it_shows_the_usual_say_and_opens_the_choices_of_a_young_person_whose_say_differed(
    practitioner: Membership,
) -> None:
    ana, ben, cai = _three(practitioner)
    session = _session(practitioner, [(ana, True, 5), (ben, True, 8), (cai, True, 5)])

    page = client_for(practitioner).get(_url(session)).content.decode()

    assert _chosen(page, "rung") == "5"
    assert '<details class="govuk-details" open data-testid="different-say">' in page
    assert _chosen(page, f"rung_{ben.pk}") == "8"
    assert _chosen(page, f"rung_{ana.pk}") == _chosen(page, f"rung_{cai.pk}") == ""


def test_it_keeps_the_different_say_closed_when_everyone_had_the_same(
    practitioner: Membership,
) -> None:
    ana, ben, _cai = _three(practitioner)
    session = _session(practitioner, [(ana, True, 4), (ben, True, 4)])

    page = client_for(practitioner).get(_url(session)).content.decode()

    assert '<details class="govuk-details" data-testid="different-say">' in page


@pytest.mark.parametrize("ladder", ["hart", "headstart"])
def test_it_names_the_ladder_in_plain_words_not_manipulation_decoration_or_tokenism(
    ladder: str, admin: Membership, practitioner: Membership
) -> None:
    services.project_settings_update(
        acting_user=admin.user, organisation=admin.organisation, ladder=ladder, feedback_due_days=14
    )
    _three(practitioner)
    session = _session(practitioner, [])

    page = client_for(practitioner).get(_url(session)).content.decode().replace("&#x27;", "'")

    steps = HART if ladder == "hart" else HEADSTART
    for step in steps:
        assert f">{step.plain}</option>" in page
    words = re.sub(r"<[^>]*>", " ", page)  # what is read on the page, not the field names
    for academic in ["Manipulation", "Decoration", "Tokenism", "rung", "ladder"]:
        assert academic.lower() not in words.lower()


def test_every_rung_has_plain_words_and_keeps_its_name_for_reports() -> None:
    for steps in [HART, HEADSTART]:
        assert len({str(step.plain) for step in steps}) == 8
        assert [str(step.name) for step in steps[:3]] == ["Manipulation", "Decoration", "Tokenism"]
        for step in steps:
            assert str(step.plain).strip() and str(step.name) not in str(step.plain)
