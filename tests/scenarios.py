"""Building blocks the scenarios share: a project with a session and who came to it, an idea
given at a session, a parent's consent, and money given for travel."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from coproduce.consent import services as consent
from coproduce.consent.models import Consent
from coproduce.inclusion import services as inclusion
from coproduce.inclusion.models import Payment
from coproduce.organisations.models import Membership
from coproduce.projects import services as projects
from coproduce.projects.models import Idea, Project, Session


def a_project(staff: Membership, name: str = "Youth Club Redesign", aims: str = "x") -> Project:
    return projects.project_create(
        acting_user=staff.user, organisation=staff.organisation, name=name, aims=aims
    )


def a_session(
    staff: Membership,
    project: Project,
    came: Sequence[tuple[Membership, bool, int | None]],
    *,
    on: datetime.date | None = None,
    minutes: int = 60,
    activity: str = "Planning night",
) -> Session:
    """A session of the project on the day given (today by default) and its register."""
    session = projects.session_record(
        acting_user=staff.user,
        project=project,
        date=on or datetime.date.today(),
        duration_minutes=minutes,
        activity=activity,
    )
    projects.attendance_record(acting_user=staff.user, session=session, entries=came)
    return session


def a_parents_consent(
    staff: Membership,
    young_person: Membership,
    use: str,
    on: datetime.date,
    giver_name: str = "Sue Jones",
) -> Consent:
    """A parent's consent, with the young person agreeing, recorded by a member of staff."""
    return consent.consent_record(
        acting_user=staff.user,
        young_person=young_person,
        use=use,
        given_by="parent",
        giver_name=giver_name,
        relationship="Mother",
        young_person_agrees=True,
        given_on=on,
    )


def an_idea(staff: Membership, project: Project, text: str, author: Membership) -> Idea:
    """An idea a young person gave at a session, owned by the member of staff who recorded it."""
    return projects.idea_record(
        acting_user=staff.user,
        project=project,
        text=text,
        source="session",
        owner=staff,
        author=author,
    )


def a_payment(
    staff: Membership,
    young_person: Membership,
    pence: int,
    *,
    on: datetime.date,
    project: Project | None = None,
    decided_by: Membership | None = None,
    approve: bool = True,
) -> Payment:
    """Bus money paid in cash, recorded by `staff`; approved or turned down by `decided_by`
    when one is given, else left waiting."""
    payment = inclusion.payment_record(
        acting_user=staff.user,
        recorded_by=staff,
        young_person=young_person,
        kind="travel",
        purpose="Bus",
        amount_pence=pence,
        method="cash",
        paid_on=on,
        project=project,
    )
    if decided_by is not None:
        inclusion.payment_decide(
            acting_user=decided_by.user, decided_by=decided_by, payment=payment, approve=approve
        )
    return payment
