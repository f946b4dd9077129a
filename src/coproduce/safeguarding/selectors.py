"""Reads for safeguarding, with the need-to-know rule applied here, once.

A concern is read in full only by the Designated Safeguarding Lead and deputies; its reporter
reads what they wrote and whether it was received; anyone else gets 404, as for a concern
that does not exist. Welfare information goes to the staff running a session the young
person is on, and to managers and the safeguarding team.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from coproduce.core.tenancy import get_for, settings_or_defaults
from coproduce.organisations.roles import has_capability
from coproduce.projects.selectors import attended_at
from coproduce.safeguarding.models import (
    ChecklistItem,
    Concern,
    ConcernAction,
    RiskAssessment,
    RiskCheck,
    SafeguardingRole,
    SafeguardingSettings,
    SessionStaff,
    WelfareInfo,
    WelfareVisibility,
)

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Session

DEFAULT_CHECKLIST = (
    gettext_lazy("Venue: safe, accessible, and we know the exits"),
    gettext_lazy("Transport: booked, insured drivers, seat belts"),
    gettext_lazy("Ratios: enough staff for the young people going"),
    gettext_lazy("First aid: a trained first aider and a kit go with us"),
    gettext_lazy("Consent for the trip from each young person (and a parent or carer under 16)"),
)


def settings_for(*, organisation: Organisation) -> SafeguardingSettings:
    return settings_or_defaults(SafeguardingSettings, organisation=organisation)


def team_for(*, organisation: Organisation) -> QuerySet[SafeguardingRole]:
    return SafeguardingRole.objects.filter(organisation=organisation).select_related(
        "membership__user"
    )


def is_safeguarding_team(membership: Membership | None) -> bool:
    """The Designated Safeguarding Lead or a deputy, still active staff."""
    if membership is None or not membership.can("staff"):
        return False
    return SafeguardingRole.objects.filter(
        organisation=membership.organisation, membership=membership
    ).exists()


def team_members(*, organisation: Organisation) -> list[Membership]:
    return [r.membership for r in team_for(organisation=organisation) if r.membership.can("staff")]


# ---- concerns ----


@dataclass
class ConcernView:
    concern: Concern
    full: bool  # False: the reporter, who sees what they wrote and that it was received


def concern_for_reader(*, viewer: Membership, pk: int) -> ConcernView:
    """One concern for someone allowed to read it, or 404 (missing, foreign or not theirs)."""
    qs = Concern.objects.select_related("reported_by__user", "acknowledged_by__user")
    concern: Concern = get_for(qs, organisation=viewer.organisation, pk=pk)
    if is_safeguarding_team(viewer):
        return ConcernView(concern, full=True)
    if viewer.can("record_concerns") and concern.reported_by_id == viewer.pk:
        return ConcernView(concern, full=False)
    raise Http404


def concerns_for_team(*, viewer: Membership) -> QuerySet[Concern]:
    """Every concern in the organisation, open first; only for the safeguarding team."""
    if not is_safeguarding_team(viewer):
        return Concern.objects.none()
    return (
        Concern.objects.filter(organisation=viewer.organisation)
        .select_related("reported_by__user")
        .order_by(F("closed_at").asc(nulls_first=True), "-recorded_at", "-id")
    )


def concerns_reported_by(*, reporter: Membership) -> QuerySet[Concern]:
    return Concern.objects.filter(
        organisation=reporter.organisation, reported_by=reporter
    ).order_by("-recorded_at", "-id")


def acknowledge_due(concern: Concern, *, hours: int) -> datetime.datetime:
    return concern.recorded_at + datetime.timedelta(hours=hours)


def overdue_acknowledgement(*, organisation: Organisation, now: datetime.datetime) -> list[Concern]:
    hours = settings_for(organisation=organisation).acknowledge_within_hours
    cutoff = now - datetime.timedelta(hours=hours)
    return list(
        Concern.objects.filter(
            organisation=organisation,
            acknowledged_at__isnull=True,
            closed_at__isnull=True,
            recorded_at__lte=cutoff,
        )
    )


def actions_of(concern: Concern) -> QuerySet[ConcernAction]:
    return ConcernAction.objects.filter(
        organisation=concern.organisation, concern=concern
    ).select_related("recorded_by__user")


@dataclass
class Entry:
    when: datetime.datetime
    concern: Concern
    action: ConcernAction | None


def chronology(*, viewer: Membership, young_person: Membership) -> list[Entry]:
    """Every concern and action about one young person, oldest first (team only)."""
    if not is_safeguarding_team(viewer):
        raise Http404
    concerns = list(
        Concern.objects.filter(
            organisation=viewer.organisation, young_person=young_person
        ).select_related("reported_by__user", "acknowledged_by__user", "closed_by__user")
    )
    entries = [Entry(c.happened_at, c, None) for c in concerns]
    by_id = {c.pk: c for c in concerns}
    for action in ConcernAction.objects.filter(
        organisation=viewer.organisation, concern_id__in=list(by_id)
    ).select_related("recorded_by__user"):
        when = datetime.datetime.combine(
            action.taken_on, datetime.time(23, 59), tzinfo=datetime.UTC
        )
        entries.append(Entry(when, by_id[action.concern_id], action))
    return sorted(entries, key=lambda e: (e.when, e.action is not None))


def concerns_about(young_person: Membership) -> QuerySet[Concern]:
    """For retention and subject access only (personal_data.py), never a page."""
    return Concern.objects.filter(organisation=young_person.organisation, young_person=young_person)


# ---- welfare ----


def welfare_of(young_person: Membership) -> WelfareInfo | None:
    return WelfareInfo.objects.filter(
        organisation=young_person.organisation, young_person=young_person
    ).first()


def may_see_welfare(viewer: Membership, info: WelfareInfo | None, *, running: bool) -> bool:
    """Managers and the safeguarding team always; staff running a session when allowed."""
    if has_capability(viewer.role, "sign_off_trips") and viewer.is_active:
        return True
    if is_safeguarding_team(viewer):
        return True
    visible = info is None or info.visible_to == WelfareVisibility.SESSION_STAFF
    return running and viewer.can("staff") and visible


# ---- risk assessments ----


def checklist_for(*, organisation: Organisation) -> list[str]:
    items = list(ChecklistItem.objects.filter(organisation=organisation))
    return [i.text for i in items] if items else [str(item) for item in DEFAULT_CHECKLIST]


def checklist_items(*, organisation: Organisation) -> QuerySet[ChecklistItem]:
    return ChecklistItem.objects.filter(organisation=organisation)


def assessment_of(session: Session) -> RiskAssessment | None:
    return (
        RiskAssessment.objects.filter(organisation=session.organisation, session=session)
        .select_related("signed_off_by__user")
        .first()
    )


def checks_of(assessment: RiskAssessment) -> QuerySet[RiskCheck]:
    return RiskCheck.objects.filter(organisation=assessment.organisation, assessment=assessment)


def staff_of(assessment: RiskAssessment) -> list[Membership]:
    return list(assessment.staff.select_related("user"))


def session_staff_of(session: Session) -> list[Membership]:
    """The staff named as running a session (set from its session sheet)."""
    return [
        row.member
        for row in SessionStaff.objects.filter(organisation=session.organisation, session=session)
        .select_related("member__user")
        .order_by("member__user__first_name", "pk")
    ]


def is_running(viewer: Membership, session: Session) -> bool:
    return SessionStaff.objects.filter(
        organisation=session.organisation, session=session, member=viewer
    ).exists()


@dataclass
class Ratio:
    staff: int
    young_people: int
    most_per_staff: int

    @property
    def short(self) -> bool:
        return self.young_people > self.staff * self.most_per_staff


def ratio_of(assessment: RiskAssessment, *, session: Session) -> Ratio:
    return Ratio(
        staff=assessment.staff.count(),
        young_people=attended_at(session=session).count(),
        most_per_staff=settings_for(organisation=session.organisation).young_people_per_staff,
    )


@dataclass
class SheetRow:
    young_person: Membership
    info: WelfareInfo | None
    shown: bool


def session_sheet(*, viewer: Membership, session: Session) -> list[SheetRow]:
    """The young people on a session's register with the welfare information the viewer may
    see; 404 for staff who are neither running it nor managers nor the safeguarding team."""
    running = is_running(viewer, session)
    if not may_see_welfare(viewer, None, running=running):
        raise Http404
    people = [a.young_person for a in attended_at(session=session)]
    infos = {
        w.young_person_id: w
        for w in WelfareInfo.objects.filter(
            organisation=session.organisation, young_person__in=people
        )
    }
    return [
        SheetRow(p, infos.get(p.pk), may_see_welfare(viewer, infos.get(p.pk), running=running))
        for p in people
    ]


def runs_a_session_with(viewer: Membership, young_person: Membership) -> bool:
    """The viewer is named as running a session this young person is on the register of."""
    return SessionStaff.objects.filter(
        organisation=viewer.organisation,
        member=viewer,
        session__attendance__young_person=young_person,
        session__attendance__attended=True,
    ).exists()
