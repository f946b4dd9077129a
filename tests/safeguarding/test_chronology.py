"""Scenario: Mo, the safeguarding lead, prints Fran's chronology: every concern and every
decision about her, oldest first; no one else can open it."""

from __future__ import annotations

import datetime

from coproduce.audit.models import AuditEvent
from coproduce.organisations.models import Membership
from coproduce.safeguarding import services
from tests.conftest import client_for
from tests.safeguarding.helpers import a_concern, a_team


def test_it_shows_the_lead_every_concern_and_action_oldest_first(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    first = a_concern(practitioner, young_person, seen="FIRST worry at football")
    services.concern_action_record(
        acting_user=manager.user,
        lead=manager,
        concern=first,
        kind="early_help",
        taken_on=datetime.date(2026, 9, 5),
        reference="EH-12",
    )
    a_concern(practitioner, young_person, seen="SECOND worry on the trip")
    response = client_for(manager).get(f"/safeguarding/people/{young_person.pk}/chronology/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.index("FIRST worry") < text.index("EH-12")
    assert "SECOND worry" in text and "Confidential" in text
    assert (
        AuditEvent.objects.filter(
            verb="safeguarding.concern.view", details__page="chronology"
        ).count()
        == 2
    )


def test_no_one_else_can_open_a_chronology(
    manager: Membership,
    practitioner: Membership,
    admin: Membership,
    young_person: Membership,
    commissioner: Membership,
) -> None:
    a_team(manager)
    a_concern(practitioner, young_person)
    for other in (practitioner, admin, young_person, commissioner):
        response = client_for(other).get(f"/safeguarding/people/{young_person.pk}/chronology/")
        assert response.status_code == 404, other


def test_a_young_persons_page_links_the_chronology_for_the_lead_only(
    manager: Membership, practitioner: Membership, admin: Membership, young_person: Membership
) -> None:
    a_team(manager)
    url = f"/safeguarding/people/{young_person.pk}/chronology/"
    assert (
        url in client_for(manager).get(f"/organisation/people/{young_person.pk}/").content.decode()
    )
    for other in (practitioner, admin):
        page = client_for(other).get(f"/organisation/people/{young_person.pk}/").content.decode()
        assert url not in page and "chronology" not in page.lower()
