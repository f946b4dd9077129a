"""Equality answers and the over-asked warning reach the monitoring pages: the report shows
the answers of those who took part, counted with the small-number rule, only to staff allowed
to see them; the "who takes part" analytics warn about young people asked too often."""

from __future__ import annotations

import datetime
from typing import Any

import time_machine

from coproduce.inclusion import selectors, services
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.factories import YoungPersonFactory
from tests.inclusion.test_needs_and_load import TODAY, _weekly_sessions


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_the_report_counts_equality_answers_of_those_who_took_part_only_for_those_allowed(
    practitioner: Membership, manager: Membership, young_person: Membership
) -> None:
    org = manager.organisation
    came = [young_person, *YoungPersonFactory.create_batch(6, organisation=org)]
    stayed_away = YoungPersonFactory.create_batch(5, organisation=org)
    for member in came[:5]:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"young_carer": "yes"}
        )
    for member in came[5:]:
        services.equality_save(
            acting_user=member.user, membership=member, answers={"young_carer": "no"}
        )
    for member in stayed_away:  # not in the project: not counted in its report
        services.equality_save(
            acting_user=member.user, membership=member, answers={"young_carer": "no"}
        )
    session = _weekly_sessions(practitioner, came, 1)
    url = f"/monitoring/projects/{session.project_id}/"
    page = client_for(manager).get(url).content.decode()
    assert 'data-testid="report-equality"' in page
    # Worked out again: 5 carers among the 7 who came; the 2 who are not is fewer than five,
    # and the "not answered" 0 is hidden with it, so neither can be worked out.
    table = next(
        t
        for t in selectors.equality_summary(
            organisation=org, today=TODAY, membership_ids=[m.pk for m in came]
        )
        if t.key == "carer"
    )
    assert table.total == 7
    assert {r.label: r.count for r in table.rows} == {
        "Yes": 5,
        "No": None,
        "Prefer not to say": None,
        "Not answered": None,
    }
    carer = page[page.index('data-testid="equality-carer"') :]
    carer = carer[: carer.index("</table>")]
    assert ">5<" in carer and ">7<" in carer and ">12<" not in carer
    assert "fewer than 5" in carer
    for member in came:  # whole names: a surname such as "Young" is also a word in the caption
        assert member.user.get_full_name() not in carer
        assert member.user.display_name not in carer
    # A practitioner (no view_equality) sees the report without them.
    other = client_for(practitioner).get(url).content.decode()
    assert 'data-testid="report-equality"' not in other and "Young carer" not in other


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_the_analytics_warn_about_young_people_asked_too_often_and_clear(
    practitioner: Membership, manager: Membership, young_person: Membership, settings: Any
) -> None:
    _weekly_sessions(practitioner, [young_person], 4)
    client = client_for(manager)
    page = client.get("/monitoring/inclusion/").content.decode()
    assert 'data-testid="asked-often-none"' in page  # 4 sessions: within the default 6
    services.settings_save(
        acting_user=manager.user,
        organisation=manager.organisation,
        ask_limit=3,
        ask_weeks=4,
        equality_basis="consent",
    )
    page = client.get("/monitoring/inclusion/").content.decode()
    listed = page[page.index('data-testid="asked-often"') :]
    assert young_person.user.display_name in listed[: listed.index("</ul>")]
    assert "more than 3 sessions in the last 4 weeks" in page
    services.settings_save(
        acting_user=manager.user,
        organisation=manager.organisation,
        ask_limit=4,
        ask_weeks=4,
        equality_basis="consent",
    )
    page = client.get("/monitoring/inclusion/").content.decode()
    assert 'data-testid="asked-often"' not in page and 'data-testid="asked-often-none"' in page
