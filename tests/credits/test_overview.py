"""Scenario: a practitioner looks over everyone's time credits; the page costs the same however
many young people, projects and sessions the organisation has, and lists them all, a page at a
time. The time given to each project is for a period the manager chooses, and always equals a
plain sum of the ledger."""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.core.forms import period_from
from coproduce.credits import ledger, services
from coproduce.credits.models import Category, Entry, SessionTime
from coproduce.credits.selectors import summary_for
from coproduce.organisations.models import Membership, Organisation
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.scenarios import a_project, a_session


def _award_new_young_people(practitioner: Membership, count: int, start: int) -> None:
    for n in range(start, start + count):
        person = YoungPersonFactory.create(
            organisation=practitioner.organisation, user__preferred_name=f"Person {n:02d}"
        )
        services.credits_award(
            acting_user=practitioner.user,
            membership=person,
            minutes=60 + n,  # a different balance each, so the order is known
            reason="Youth forum",
            idempotency_key=f"forum-{n}",
        )


def _queries(practitioner: Membership, path: str) -> int:
    client = client_for(practitioner)
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_overview_costs_the_same_however_many_young_people(practitioner: Membership) -> None:
    _award_new_young_people(practitioner, 3, start=1)
    few = _queries(practitioner, "/credits/")
    _award_new_young_people(practitioner, 52, start=4)
    assert _queries(practitioner, "/credits/") == few


def test_the_overview_lists_everyone_highest_balance_first_a_page_at_a_time(
    practitioner: Membership,
) -> None:
    _award_new_young_people(practitioner, 55, start=1)
    client = client_for(practitioner)
    first = client.get("/credits/").content.decode()
    second = client.get("/credits/?page=2").content.decode()
    assert first.count("Person ") == 50 and second.count("Person ") == 5
    assert first.index("Person 55") < first.index("Person 54")
    assert "Person 01" in second


# "Time given by project" covers a period of sessions (the last twelve months unless the
# manager chooses another) and is read from a summary the database keeps as entries are
# posted. These check it against a plain sum of the ledger's entries.

TODAY = datetime.date.today()


def _reference_by_project(
    organisation: Organisation, start: datetime.date | None, end: datetime.date | None
) -> list[tuple[str, int]]:
    """The plain way: every entry, one at a time. Time given at a session counts unless an
    entry reverses it; a correction itself counts for nothing."""
    entries = list(Entry.objects.filter(organisation=organisation).select_related("session"))
    put_right = {e.reverses_id for e in entries if e.reverses_id}
    totals: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in entries:
        session = entry.session
        if entry.category != Category.SESSION or session is None or entry.reverses_id:
            continue
        if entry.pk in put_right:
            continue
        if (start and session.date < start) or (end and session.date > end):
            continue
        totals[session.project_id] = totals.get(session.project_id, 0) + entry.minutes
        names[session.project_id] = session.project.name
    return sorted(((names[p], m) for p, m in totals.items()), key=lambda r: (-r[1], r[0]))


def _sessions_over_two_years(practitioner: Membership) -> list[Membership]:
    """Three projects (two share a name), sessions from 20 months ago to today, one entry put
    right, and an award that is not time at a session."""
    people = [YoungPersonFactory.create(organisation=practitioner.organisation) for _ in range(3)]
    came = [(person, True, None) for person in people]
    forum = a_project(practitioner, name="Youth forum")
    summer = [a_project(practitioner, name="Summer scheme") for _ in range(2)]
    for months_ago, project, minutes, how_many in [
        (20, forum, 90, 1),
        (13, summer[0], 60, 2),
        (11, forum, 120, 3),
        (6, summer[1], 45, 3),
        (5, summer[0], 30, 3),
        (0, forum, 60, 1),
    ]:
        session = a_session(
            practitioner,
            project,
            came[:how_many],
            on=TODAY - datetime.timedelta(days=30 * months_ago),
            minutes=minutes,
        )
        entries = services.credits_issue_for_session(acting_user=practitioner.user, session=session)
        if months_ago == 6:
            ledger.reverse(acting_user=practitioner.user, entry=entries[0], reason="Not there")
    services.credits_award(
        acting_user=practitioner.user,
        membership=people[0],
        minutes=300,
        reason="Volunteering",
        idempotency_key="award-1",
    )
    return people


def _hours_shown(page: str, project: str) -> list[str]:
    table = page.split('data-testid="by-project"', 1)[1].split("</table>", 1)[0]
    return re.findall(rf">{project}</td><td[^>]*>(\d+)</td>", table)


def test_time_by_project_equals_a_plain_sum_of_the_ledger_over_any_period(
    practitioner: Membership, outsider: Membership
) -> None:
    _sessions_over_two_years(practitioner)
    # Another organisation's time never shows.
    elsewhere = a_project(outsider, name="Youth forum")
    stranger = YoungPersonFactory.create(organisation=outsider.organisation)
    session = a_session(outsider, elsewhere, [(stranger, True, None)], minutes=600)
    services.credits_issue_for_session(acting_user=outsider.user, session=session)
    organisation = practitioner.organisation

    periods: list[tuple[datetime.date | None, datetime.date | None]] = [
        (None, None),
        (TODAY - datetime.timedelta(days=364), TODAY),
        (TODAY - datetime.timedelta(days=30 * 13), TODAY - datetime.timedelta(days=30 * 5)),
        (TODAY - datetime.timedelta(days=30 * 6), TODAY - datetime.timedelta(days=30 * 6)),
        (TODAY + datetime.timedelta(days=1), TODAY + datetime.timedelta(days=30)),
    ]
    for start, end in periods:
        expected = _reference_by_project(organisation, start, end)
        got = summary_for(organisation=organisation, start=start, end=end).by_project
        assert got == expected, (start, end)
    assert summary_for(organisation=organisation).by_project == [
        ("Youth forum", 90 + 3 * 120 + 60),
        ("Summer scheme", 2 * 60 + 3 * 30),
        ("Summer scheme", 2 * 45),  # one of its three entries was put right
    ]


def test_the_overview_shows_the_last_twelve_months_unless_asked_for_another_period(
    practitioner: Membership, manager: Membership
) -> None:
    _sessions_over_two_years(practitioner)
    client = client_for(manager)

    page = client.get(reverse("credits:overview")).content.decode()
    year_ago = TODAY.replace(year=TODAY.year - 1) + datetime.timedelta(days=1)
    assert f"At sessions from {year_ago:%-d %b %Y} to {TODAY:%-d %b %Y}." in page
    # 3 × 2 h + 1 h this year; not the 1½ h of 20 months ago.
    assert _hours_shown(page, "Youth forum") == ["7"]

    long_ago = TODAY - datetime.timedelta(days=30 * 21)
    query = (
        f"?start_day={long_ago.day}&start_month={long_ago.month}&start_year={long_ago.year}"
        f"&end_day={TODAY.day}&end_month={TODAY.month}&end_year={TODAY.year}"
    )
    page = client.get(reverse("credits:overview") + query).content.decode()
    assert _hours_shown(page, "Youth forum") == ["8"]  # 8½ hours, in whole hours


def test_a_period_that_ends_before_it_starts_is_explained_and_the_last_year_shown(
    practitioner: Membership, manager: Membership
) -> None:
    _sessions_over_two_years(practitioner)
    query = "?start_day=1&start_month=6&start_year=2026&end_day=1&end_month=1&end_year=2026"

    response = client_for(manager).get(reverse("credits:overview") + query)

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The end of the period must be on or after its start" in page
    assert '<details class="govuk-details" open>' in page
    assert "Youth forum" in page  # the last twelve months, as if nothing was asked


def test_a_date_that_does_not_exist_is_explained(manager: Membership) -> None:
    query = "?start_day=31&start_month=2&start_year=2026&end_day=1&end_month=3&end_year=2026"

    page = client_for(manager).get(reverse("credits:overview") + query).content.decode()

    assert "There is a problem" in page and "Enter a real date" in page
    assert "No time was given at sessions in this period." in page


def test_the_overview_costs_the_same_however_many_projects_and_sessions(
    practitioner: Membership, young_person: Membership
) -> None:
    def sessions(count: int) -> None:
        for n in range(count):
            project = a_project(practitioner, name=f"Project {n}")
            session = a_session(practitioner, project, [(young_person, True, None)])
            services.credits_issue_for_session(acting_user=practitioner.user, session=session)

    sessions(2)
    few = _queries(practitioner, "/credits/")
    sessions(15)
    assert _queries(practitioner, "/credits/") == few


def test_the_last_twelve_months_from_29_february_start_on_1_march(monkeypatch: Any) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2028, 2, 29))
    _form, start, end = period_from(QueryDict())
    assert (start, end) == (datetime.date(2027, 3, 1), datetime.date(2028, 2, 29))
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2026, 11, 30))
    assert period_from(QueryDict())[1:] == (datetime.date(2025, 12, 1), datetime.date(2026, 11, 30))


def test_ledger_verify_checks_the_time_kept_for_each_session(practitioner: Membership) -> None:
    """The time given at each session is kept beside the ledger by the database; ledger-verify
    recomputes it from the entries (a reversal included) and names a session that differs."""
    _sessions_over_two_years(practitioner)
    out = io.StringIO()
    call_command("ledger-verify", stdout=out)
    assert "and so does the time given at each session" in out.getvalue()
    kept = SessionTime.objects.filter(organisation=practitioner.organisation).first()
    assert kept is not None
    SessionTime.objects.filter(pk=kept.pk).update(minutes=F("minutes") + 15)
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 session"):
        call_command("ledger-verify", stderr=errors)
    assert f"session {kept.pk}: time given kept as {kept.minutes + 15}" in errors.getvalue()


def test_the_overview_names_the_ten_busiest_projects_of_all_those_given_time(
    practitioner: Membership, manager: Membership
) -> None:
    # Twelve clubs, each an hour more than the last: the page shows the ten busiest, most
    # first, and says there are twelve, without sending the other two.
    fran = YoungPersonFactory.create(organisation=practitioner.organisation)
    for n in range(1, 13):
        club = a_project(practitioner, name=f"Club {n:02d}")
        session = a_session(practitioner, club, [(fran, True, None)], minutes=60 * n)
        services.credits_issue_for_session(acting_user=practitioner.user, session=session)

    page = client_for(manager).get(reverse("credits:overview")).content.decode()

    table = page.split('data-testid="by-project"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r">(Club \d\d)</td>", table) == [f"Club {n:02d}" for n in range(12, 2, -1)]
    assert _hours_shown(page, "Club 12") == ["12"]
    assert "These are the 10 projects where the most time was given, of 12." in page
    summary = summary_for(organisation=practitioner.organisation)
    assert (len(summary.by_project), summary.projects_with_time) == (10, 12)
