"""Scenario: credits issued for a session are reversed (recorded by mistake). The project's
monitoring report must then agree with the ledger: no hours of credits, and a balance of 0."""

from __future__ import annotations

import datetime
from decimal import Decimal

from coproduce.credits import ledger
from coproduce.credits import services as credits
from coproduce.credits.selectors import balance_of
from coproduce.monitoring.report import project_report
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)


def test_it_counts_no_credits_for_a_session_once_they_are_reversed(
    practitioner: Membership, young_person: Membership
) -> None:
    user = practitioner.user
    project = projects.project_create(
        acting_user=user, organisation=practitioner.organisation, name="Skate park", aims="Ramps"
    )
    session = projects.session_record(
        acting_user=user,
        project=project,
        date=datetime.date(2026, 3, 4),
        duration_minutes=120,
        activity="Design night",
    )
    projects.attendance_record(acting_user=user, session=session, entries=[(young_person, True, 4)])
    [entry] = credits.credits_issue_for_session(acting_user=user, session=session)
    assert entry.minutes == 120
    assert project_report(project, START, END).figures["credits_hours"].value == Decimal(2)

    ledger.reverse(acting_user=user, entry=entry, reason="Recorded against the wrong person")

    assert balance_of(young_person)[0] == 0
    assert project_report(project, START, END).figures["credits_hours"].value == 0
