"""Scenario: a concern waits over the organisation's time limit without the lead
acknowledging it; the scheduled job alerts the lead and the deputies, once."""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

from coproduce.notifications.models import Notification
from coproduce.organisations.models import Membership
from coproduce.safeguarding import services
from coproduce.safeguarding.models import Concern
from tests.factories import MembershipFactory
from tests.safeguarding.helpers import SECRET, a_concern, a_team


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("safeguarding_alerts", *args, stdout=out)
    return out.getvalue()


def _age(concern: Concern, hours: float) -> None:
    Concern.objects.filter(pk=concern.pk).update(
        recorded_at=timezone.now() - datetime.timedelta(hours=hours)
    )


def test_it_alerts_the_lead_and_deputies_once_when_acknowledgement_is_overdue(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    deputy = MembershipFactory.create(organisation=manager.organisation, role="practitioner")
    a_team(manager, [deputy])
    concern = a_concern(practitioner, young_person)
    _age(concern, 25)  # the default limit is 24 hours

    assert "would alert about 1" in _run("--dry-run")
    assert not Notification.objects.filter(kind="safeguarding.overdue").exists()
    assert "sent 2" in _run()
    assert "sent 0" in _run()  # safe to run twice
    alerts = Notification.objects.filter(kind="safeguarding.overdue")
    assert {a.recipient for a in alerts} == {manager.user, deputy.user}
    assert all(SECRET not in a.subject + a.body for a in alerts)
    assert all(a.url == f"/safeguarding/concerns/{concern.pk}/" for a in alerts)


def test_it_does_not_alert_within_the_limit_or_once_acknowledged(
    manager: Membership, practitioner: Membership, young_person: Membership
) -> None:
    a_team(manager)
    services.safeguarding_settings_set(
        acting_user=manager.user,
        organisation=manager.organisation,
        acknowledge_within_hours=4,
        retention_years=25,
        young_people_per_staff=8,
    )
    fresh = a_concern(practitioner, young_person)
    _age(fresh, 3)
    seen = a_concern(practitioner, young_person)
    _age(seen, 10)
    services.concern_acknowledge(acting_user=manager.user, lead=manager, concern=seen)
    assert "sent 0" in _run()
    _age(fresh, 5)  # past the organisation's own limit of 4 hours
    assert "sent 1" in _run("--organisation", manager.organisation.slug)
