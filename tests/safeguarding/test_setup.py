"""Scenario: Alice, the organisation admin, names Mo as the Designated Safeguarding Lead and
Bob as deputy, and sets the time limit, retention and ratio; Bob cannot change them."""

from __future__ import annotations

from coproduce.organisations.models import Membership
from coproduce.safeguarding.models import DEFAULT_RETENTION_YEARS, SafeguardingRole
from coproduce.safeguarding.selectors import is_safeguarding_team, settings_for
from tests.conftest import client_for


def test_an_admin_names_the_lead_and_deputies(
    admin: Membership, manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    alice = client_for(admin)
    response = alice.post(
        "/safeguarding/team/", {"lead": manager.pk, "deputies": [practitioner.pk]}
    )
    assert response.status_code == 302
    assert SafeguardingRole.objects.get(is_lead=True).membership == manager
    assert is_safeguarding_team(practitioner) and not is_safeguarding_team(admin)
    # A young person cannot be named.
    bad = alice.post("/safeguarding/team/", {"lead": young_person.pk})
    assert bad.status_code == 200 and not is_safeguarding_team(young_person)


def test_only_an_admin_changes_the_settings(admin: Membership, practitioner: Membership) -> None:
    assert settings_for(organisation=admin.organisation).retention_years == DEFAULT_RETENTION_YEARS
    assert client_for(practitioner).get("/safeguarding/settings/").status_code == 403
    response = client_for(admin).post(
        "/safeguarding/settings/",
        {"acknowledge_within_hours": "12", "retention_years": "30", "young_people_per_staff": "6"},
    )
    assert response.status_code == 302
    saved = settings_for(organisation=admin.organisation)
    assert (
        saved.acknowledge_within_hours,
        saved.retention_years,
        saved.young_people_per_staff,
    ) == (
        12,
        30,
        6,
    )
    page = client_for(practitioner).get("/safeguarding/").content.decode()
    assert "/safeguarding/settings/" not in page
