"""Scenario: Bob, a practitioner, hears a disclosure at youth club and records it; Mo, the
Designated Safeguarding Lead, acknowledges it, refers it to children's services and closes it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coproduce.audit.models import AuditEvent
from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.organisations.roles import Role
from coproduce.safeguarding import services
from tests.conftest import client_for
from tests.factories import MembershipFactory
from tests.safeguarding.helpers import SECRET, SEEN, a_concern, a_team


@pytest.fixture
def deputy(organisation: object) -> Membership:
    return MembershipFactory.create(
        organisation=organisation, role=Role.PRACTITIONER, user__username="dee_deputy"
    )


def test_it_sends_a_practitioners_concern_to_the_lead_and_deputies(
    manager: Membership, deputy: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager, [deputy])
    response = client_for(practitioner).post(
        "/safeguarding/concerns/new/",
        {
            "young_person": young_person.pk,
            "on_day": "1",
            "on_month": "9",
            "on_year": "2026",
            "at": "18:30",
            "what_happened": SEEN,
            "their_words": SECRET,
            "others_present": "",
            "immediate_action": "Listened",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    told = Notification.objects.filter(kind="safeguarding.new")
    assert {n.recipient for n in told} == {manager.user, deputy.user}
    # The message names no one and holds nothing of what was said.
    assert all(SECRET not in n.subject + n.body for n in told)
    assert all(young_person.user.first_name not in n.subject + n.body for n in told)


def test_it_shows_the_reporter_what_they_wrote_and_that_it_was_received_only(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    services.concern_action_record(
        acting_user=manager.user,
        lead=manager,
        concern=concern,
        kind="childrens_services",
        taken_on=datetime.date(2026, 9, 2),
        reference="CS-REF-4471",
        details="MASH referral made",
    )
    page = client_for(practitioner).get(f"/safeguarding/concerns/{concern.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert SECRET in text and "Received by the safeguarding lead" in text
    assert "CS-REF-4471" not in text and "MASH referral" not in text
    lead_page = client_for(manager).get(f"/safeguarding/concerns/{concern.pk}/").content.decode()
    assert "CS-REF-4471" in lead_page and SECRET in lead_page


def test_it_answers_404_to_every_other_member(
    manager: Membership,
    practitioner: Membership,
    admin: Membership,
    young_person: Membership,
    commissioner: Membership,
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    for other in (admin, young_person, commissioner):
        for url in ("", "acknowledge/", "actions/new/", "close/"):
            response = client_for(other).get(f"/safeguarding/concerns/{concern.pk}/{url}")
            assert response.status_code == 404, (other, url)
        assert (
            client_for(other).post(f"/safeguarding/concerns/{concern.pk}/acknowledge/").status_code
            == 404
        )


def test_it_audits_every_view_of_a_concern(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    client_for(manager).get(f"/safeguarding/concerns/{concern.pk}/")
    client_for(practitioner).get(f"/safeguarding/concerns/{concern.pk}/")
    views = AuditEvent.objects.filter(verb="safeguarding.concern.view", target_id=str(concern.pk))
    assert {v.actor for v in views} == {manager.user, practitioner.user}
    assert all(SECRET not in str(v.details) for v in views)


def test_it_lets_the_lead_acknowledge_act_and_close_with_a_reason(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    lead = client_for(manager)
    assert lead.post(f"/safeguarding/concerns/{concern.pk}/acknowledge/").status_code == 302
    concern.refresh_from_db()
    assert concern.acknowledged_by == manager
    response = lead.post(
        f"/safeguarding/concerns/{concern.pk}/actions/new/",
        {
            "kind": "police",
            "taken_on_day": "2",
            "taken_on_month": "9",
            "taken_on_year": "2026",
            "reference": "POL-88",
            "details": "Reported to the police",
            "outcome": "Strategy meeting held",
        },
    )
    assert response.status_code == 302
    assert (
        lead.post(f"/safeguarding/concerns/{concern.pk}/close/", {"close_reason": ""}).status_code
        == 200
    )
    assert (
        lead.post(
            f"/safeguarding/concerns/{concern.pk}/close/",
            {"close_reason": "Child protection plan in place"},
        ).status_code
        == 302
    )
    concern.refresh_from_db()
    assert (
        concern.closed_at is not None and concern.close_reason == "Child protection plan in place"
    )
    with pytest.raises(ValidationError):
        services.concern_action_record(
            acting_user=manager.user,
            lead=manager,
            concern=concern,
            kind="other",
            taken_on=datetime.date(2026, 9, 3),
        )


def test_it_refuses_decisions_from_anyone_but_the_lead_and_deputies(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    concern = a_concern(practitioner, young_person)
    with pytest.raises(PermissionDenied):
        services.concern_acknowledge(
            acting_user=practitioner.user, lead=practitioner, concern=concern
        )
    with pytest.raises(PermissionDenied):
        services.concern_record(
            acting_user=young_person.user,
            reporter=young_person,
            young_person=young_person,
            happened_at=concern.happened_at,
            what_happened="x",
        )


def test_it_lists_concerns_for_the_lead_and_only_their_own_for_a_reporter(
    manager: Membership,
    practitioner: Membership,
    admin: Membership,
    young_person: Membership,
    django_assert_max_num_queries: object,
) -> None:
    a_team(manager)
    for _ in range(3):
        a_concern(practitioner, young_person)
    a_concern(admin, young_person, seen="Admin saw something")
    lead_page = client_for(manager).get("/safeguarding/").content.decode()
    assert lead_page.count("/safeguarding/concerns/") >= 4
    own = client_for(practitioner).get("/safeguarding/").content.decode()
    assert own.count('href="/safeguarding/concerns/') - own.count("concerns/new/") == 3
    assert young_person.user.display_name not in own
