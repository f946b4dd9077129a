"""Scenario: a manager sets how long young people have to cancel a booking themselves, and
staff pages count credits in the same unit young people see (hours given as the explanation)."""

from __future__ import annotations

from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.organisations.models import Membership
from tests.conftest import client_for
from tests.prepared import prepared_download, uses_worker


def test_it_lets_a_manager_change_the_cancel_cut_off(admin: Membership) -> None:
    client = client_for(admin)
    page = client.get("/credits/settings/")
    assert page.status_code == 200
    assert "Days a young person has to cancel a booking themselves" in page.content.decode()
    saved = client.post(
        "/credits/settings/",
        {"minutes_per_credit": 60, "rounding_minutes": 15, "cancel_within_days": 2},
    )
    assert saved.status_code == 302
    settings_ = sel.settings_for(organisation=admin.organisation)
    assert settings_.cancel_within_days == 2 and settings_.allow_giving is False


def test_it_lets_a_manager_stop_young_people_cancelling_themselves(admin: Membership) -> None:
    client_for(admin).post(
        "/credits/settings/",
        {"minutes_per_credit": 60, "rounding_minutes": 15, "cancel_within_days": 0},
    )
    assert sel.settings_for(organisation=admin.organisation).cancel_within_days == 0


def test_it_refuses_a_negative_cut_off(admin: Membership) -> None:
    page = client_for(admin).post(
        "/credits/settings/",
        {"minutes_per_credit": 60, "rounding_minutes": 15, "cancel_within_days": -1},
    )
    assert page.status_code == 200 and "govuk-error-summary" in page.content.decode()
    assert sel.settings_for(organisation=admin.organisation).cancel_within_days == 7


def test_it_keeps_the_settings_from_practitioners(practitioner: Membership) -> None:
    assert client_for(practitioner).get("/credits/settings/").status_code == 403
    overview = client_for(practitioner).get("/credits/").content.decode()
    assert "/credits/settings/" not in overview


@uses_worker
def test_staff_see_credits_with_hours_given_not_minutes(
    admin: Membership, practitioner: Membership, young_person: Membership
) -> None:
    services.credits_award(
        acting_user=practitioner.user,
        membership=young_person,
        minutes=150,
        reason="Interview panel",
        idempotency_key="panel",
    )
    services.reward_create(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        name="Cinema trip",
        price_minutes=5 * 60,
    )
    html = client_for(admin).get("/credits/").content.decode()
    assert 'data-testid="issued">2.50<' in html
    assert "Cinema trip · 5 credits" in html
    assert "minutes" not in html.lower().replace("minutes a young person gives", "")
    assert "/credits/settings/" in html
    csv = prepared_download(client_for(practitioner), "/credits/export.csv").body.decode()
    assert "balance (credits),time given (hours)" in csv and ",2.5,2" in csv
