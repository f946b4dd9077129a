"""Writes for what happens at sessions: the session, its register, support to take part, hours."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.projects.models import Attendance, Inclusion, MonthlyHours, Project, Session

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership


def session_record(
    *,
    acting_user: User,
    project: Project,
    date: datetime.date,
    duration_minutes: int,
    activity: str,
    place: str = "",
    start_time: datetime.time | None = None,
) -> Session:
    with transaction.atomic():
        session = Session(
            organisation=project.organisation,
            project=project,
            date=date,
            duration_minutes=duration_minutes,
            activity=activity,
            place=place,
            start_time=start_time,
        )
        session.full_clean()
        session.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="session.record",
            target=session,
        )
    return session


def attendance_record(
    *, acting_user: User, session: Session, entries: Iterable[tuple[Membership, bool, int | None]]
) -> list[Attendance]:
    """Who came and the rung each worked at; replaces the session's register."""
    rows = []
    with transaction.atomic():
        for young_person, attended, rung in entries:
            if (
                young_person.organisation_id != session.organisation_id
                or not young_person.is_young_person
            ):
                raise ValidationError(
                    _("Only young people in this organisation can be on the register")
                )
            if rung is not None and not 1 <= rung <= 8:
                raise ValidationError(_("Choose a rung from 1 to 8"))
            row, _created = Attendance.objects.update_or_create(
                organisation=session.organisation,
                session=session,
                young_person=young_person,
                defaults={"attended": attended, "rung": rung if attended else None},
            )
            rows.append(row)
        audit_record(
            acting_user=acting_user,
            organisation=session.organisation,
            verb="attendance.record",
            target=session,
            details={"count": len(rows)},
        )
    return rows


def inclusion_save(
    *,
    acting_user: User,
    project: Project,
    young_person: Membership,
    barriers: list[str],
    barrier_notes: str = "",
    meeting_preferences: str = "",
    support_given: str = "",
    support_amount_pence: int | None = None,
) -> Inclusion:
    with transaction.atomic():
        row, _created = Inclusion.objects.get_or_create(
            organisation=project.organisation, project=project, young_person=young_person
        )
        row.barriers, row.barrier_notes = barriers, barrier_notes
        row.meeting_preferences, row.support_given = meeting_preferences, support_given
        row.support_amount_pence = support_amount_pence
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="inclusion.save",
            target=row,
            changed_fields=["barriers", "barrier_notes", "support_given"],
        )
    return row


def monthly_hours_record(
    *,
    acting_user: User,
    project: Project,
    month: datetime.date,
    staff_hours: Decimal,
    young_people_hours: Decimal,
) -> MonthlyHours:
    with transaction.atomic():
        row, _created = MonthlyHours.objects.update_or_create(
            organisation=project.organisation,
            project=project,
            month=month.replace(day=1),
            defaults={"staff_hours": staff_hours, "young_people_hours": young_people_hours},
        )
        row.full_clean()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="hours.record",
            target=row,
        )
    return row
