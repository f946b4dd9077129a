"""Shared set-up for the safeguarding tests."""

from __future__ import annotations

import datetime

from coproduce.organisations.models import Membership
from coproduce.safeguarding import services
from coproduce.safeguarding.models import Concern

SECRET = "He said his uncle hurts him"
SEEN = "Bruise on the arm, noticed during football"


def a_team(lead: Membership, deputies: list[Membership] | None = None) -> None:
    services.team_set(
        acting_user=lead.user,
        organisation=lead.organisation,
        lead=lead,
        deputies=deputies or [],
    )


def a_concern(
    reporter: Membership,
    young_person: Membership,
    *,
    seen: str = SEEN,
    words: str = SECRET,
) -> Concern:
    return services.concern_record(
        acting_user=reporter.user,
        reporter=reporter,
        young_person=young_person,
        happened_at=datetime.datetime(2026, 9, 1, 18, 30, tzinfo=datetime.UTC),
        what_happened=seen,
        their_words=words,
        others_present="Sam (volunteer)",
        immediate_action="Listened, did not ask leading questions, told him I must pass it on",
    )
