"""Scenario (seed 001's youth courts): time a young person was required to give comes in from
a partner's system or an old spreadsheet. It is kept for the organisation to see and earns
nothing, the same as when staff record it by hand."""

from __future__ import annotations

from django.test import Client

from coproduce.accounts.services import api_token_create
from coproduce.credits import services
from coproduce.credits.selectors import balance_of, sanctioned_time_for
from coproduce.organisations.models import Membership


def _auth(staff: Membership) -> dict[str, str]:
    _token, raw = api_token_create(acting_user=staff.user, membership=staff, name="court")
    return {"Authorization": f"Bearer {raw}"}


def test_a_sanction_sent_through_the_api_is_recorded_once_and_earns_nothing(
    practitioner: Membership, young_person: Membership, outsider: Membership
) -> None:
    sent = {
        "membership_id": young_person.pk,
        "minutes": 180,
        "reason": "Reparation order: park clean-up",
        "idempotency_key": "court-2026-11",
    }
    auth = _auth(practitioner)
    first = Client().post("/api/v1/credits/sanctions", sent, "application/json", headers=auth)
    again = Client().post("/api/v1/credits/sanctions", sent, "application/json", headers=auth)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["minutes"] == 180 and first.json()["membership_id"] == young_person.pk
    rows = list(sanctioned_time_for(organisation=practitioner.organisation))
    assert [(r.young_person_id, r.minutes) for r in rows] == [(young_person.pk, 180)]
    assert balance_of(young_person) == (0, 0)

    foreign = Client().post(
        "/api/v1/credits/sanctions", sent, "application/json", headers=_auth(outsider)
    )
    assert foreign.status_code == 404


def test_an_import_row_marked_as_a_sanction_earns_nothing_and_a_bad_answer_stops_the_file(
    admin: Membership, young_person: Membership
) -> None:
    name = young_person.user.username
    wrong = f"username,date,minutes,reason,sanction\n{name},2026-03-01,60,Detention,maybe\n"
    result = services.hours_import(
        acting_user=admin.user, organisation=admin.organisation, text=wrong
    )
    assert [(p.line, p.message) for p in result.problems] == [(2, "Write yes or no under sanction")]
    good = (
        "username,date,minutes,reason,sanction\n"
        f"{name},2026-03-01,120,Youth forum,no\n"
        f"{name},2026-03-08,60,Detention litter pick,yes\n"
        f"{name},2026-03-15,30,Youth forum,\n"
    )
    result = services.hours_import(
        acting_user=admin.user, organisation=admin.organisation, text=good
    )
    assert result.posted == 3 and not result.problems
    assert balance_of(young_person) == (150, 150)
    rows = list(sanctioned_time_for(organisation=admin.organisation))
    assert [(r.minutes, r.reason) for r in rows] == [(60, "Detention litter pick (2026-03-08)")]
    services.hours_import(acting_user=admin.user, organisation=admin.organisation, text=good)
    assert balance_of(young_person) == (150, 150)
    assert sanctioned_time_for(organisation=admin.organisation).count() == 1
