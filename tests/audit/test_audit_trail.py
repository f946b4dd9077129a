"""Scenario: Amira, the organisation admin, can see who changed what, and the trail
cannot be rewritten, even by someone with database access through the app."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from coproduce.audit.models import AuditEvent
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from coproduce.organisations.services import person_add, person_update
from tests.conftest import client_for


def _add_jade(practitioner: Membership) -> Membership:
    return person_add(
        acting_user=practitioner.user,
        organisation=practitioner.organisation,
        first_name="Jade",
        last_name="Williams",
        role=Role.YOUNG_PERSON,
        date_of_birth=datetime.date(2012, 9, 3),
    )


def test_it_records_who_added_a_person_and_which_personal_fields_without_their_values(
    practitioner: Membership,
) -> None:
    jade = _add_jade(practitioner)
    event = AuditEvent.objects.get(verb="person.add")
    assert event.actor == practitioner.user
    assert event.organisation == practitioner.organisation
    assert event.target_id == str(jade.pk)
    assert "first_name" in event.changed_fields
    assert "Jade" not in str(event.details) and "Williams" not in str(event.changed_fields)


def test_it_records_only_the_fields_that_changed(practitioner: Membership) -> None:
    jade = _add_jade(practitioner)
    person_update(
        acting_user=practitioner.user,
        membership=jade,
        first_name="Jade",
        last_name="Williams-Roberts",
        preferred_name="",
        email="",
        date_of_birth=jade.user.date_of_birth,
        role=Role.YOUNG_PERSON,
        in_care=True,
        is_active=True,
        services=[],
    )
    event = AuditEvent.objects.get(verb="person.update")
    assert event.changed_fields == ["in_care", "last_name"]
    assert "Roberts" not in str(event.details)


def test_it_refuses_to_edit_or_delete_an_audit_event_in_the_database(
    practitioner: Membership,
) -> None:
    _add_jade(practitioner)
    event = AuditEvent.objects.filter(verb="person.add").first()
    assert event is not None
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(verb="tampered")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.get(pk=event.pk).verb == "person.add"


def test_it_shows_the_trail_to_organisation_admins_only(
    admin: Membership, practitioner: Membership, outsider: Membership
) -> None:
    _add_jade(practitioner)
    page = client_for(admin).get("/audit/")
    assert page.status_code == 200
    assert "person.add" in page.content.decode()
    assert client_for(practitioner).get("/audit/").status_code == 403
    assert "person.add" not in client_for(outsider).get("/audit/").content.decode()


def test_it_logs_each_time_staff_look_at_a_young_persons_record(
    practitioner: Membership, admin: Membership
) -> None:
    jade = _add_jade(practitioner)
    client_for(practitioner).get(f"/organisation/people/{jade.pk}/")
    client_for(practitioner).get(f"/consent/people/{jade.pk}/")
    views = AuditEvent.objects.filter(verb="person.view", target_id=str(jade.pk))
    assert sorted((v.actor_id, v.details["page"]) for v in views) == [
        (practitioner.user_id, "consent"),
        (practitioner.user_id, "profile"),
    ]
    # The admin sees who looked (their own visit is logged too); the practitioner does not.
    page = client_for(admin).get(f"/organisation/people/{jade.pk}/").content.decode()
    assert "Who has looked at this record" in page
    assert page.count(practitioner.user.display_name) >= 2
    other = client_for(practitioner).get(f"/organisation/people/{jade.pk}/").content.decode()
    assert "Who has looked at this record" not in other


def test_a_staff_members_own_data_lists_everything_they_did_however_much(
    practitioner: Membership,
) -> None:
    """A subject access request is answered in full: no cut-off at a round number."""
    from coproduce.audit.personal_data import export

    AuditEvent.objects.bulk_create(
        AuditEvent(
            organisation=practitioner.organisation,
            actor=practitioner.user,
            verb="session.record",
            target_type="projects.session",
            target_id=str(n),
        )
        for n in range(5_001)
    )
    assert len(export(practitioner)["things_you_did"]) == 5_001
