"""Writes for projects. Each takes the acting user and records itself in the audit trail."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.audit.services import audit_record
from coproduce.notifications.services import notify
from coproduce.organisations.models import Membership, Organisation, Service
from coproduce.projects.checklists import CHECKLISTS, Answer
from coproduce.projects.models import (
    Attendance,
    ChecklistAnswer,
    Form,
    Idea,
    Inclusion,
    MonthlyHours,
    Project,
    ProjectSettings,
    Response,
    RoleDescription,
    Session,
    StageChange,
    Status,
)
from coproduce.projects.selectors import project_settings_for


def project_settings_update(
    *, acting_user: User, organisation: Organisation, ladder: str, feedback_due_days: int
) -> ProjectSettings:
    with transaction.atomic():
        settings_ = project_settings_for(organisation=organisation)
        settings_.ladder, settings_.feedback_due_days = ladder, feedback_due_days
        settings_.full_clean()
        settings_.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="project_settings.update",
            target=settings_,
            details={"ladder": ladder, "feedback_due_days": feedback_due_days},
        )
    return settings_


def _check_forms(forms: Sequence[str]) -> list[str]:
    unknown = [f for f in forms if f not in Form.values]
    if unknown:
        raise ValidationError({"forms": _("Choose from the eight forms of co-production")})
    return list(dict.fromkeys(forms))


def project_create(
    *,
    acting_user: User,
    organisation: Organisation,
    name: str,
    aims: str,
    service: Service | None = None,
    forms: Sequence[str] = (),
    designed_by: str = "together",
    delivered_by: str = "together",
    in_scope: str = "",
    out_of_scope: str = "",
) -> Project:
    with transaction.atomic():
        project = Project(
            organisation=organisation,
            service=service,
            name=name,
            aims=aims,
            forms=_check_forms(forms),
            designed_by=designed_by,
            delivered_by=delivered_by,
            in_scope=in_scope,
            out_of_scope=out_of_scope,
        )
        project.full_clean()
        project.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="project.create",
            target=project,
        )
    return project


PROJECT_FIELDS = (
    "name",
    "aims",
    "service",
    "forms",
    "designed_by",
    "delivered_by",
    "in_scope",
    "out_of_scope",
)


def project_update(*, acting_user: User, project: Project, **fields: Any) -> Project:
    with transaction.atomic():
        changed = []
        for name in PROJECT_FIELDS:
            if name in fields:
                value = _check_forms(fields[name]) if name == "forms" else fields[name]
                if getattr(project, name) != value:
                    changed.append(name)
                    setattr(project, name, value)
        project.full_clean()
        project.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="project.update",
            target=project,
            changed_fields=changed,
        )
    return project


def checklist_save(
    *, acting_user: User, project: Project, stage: str, answers: dict[str, tuple[str, str]]
) -> None:
    """Save a stage's checklist: {item: (answer, notes)}; unknown items are refused."""
    items = dict(CHECKLISTS[stage])
    unknown = set(answers) - set(items)
    if unknown:
        raise ValidationError(
            _("Unknown checklist items: %(items)s") % {"items": ", ".join(sorted(unknown))}
        )
    with transaction.atomic():
        for item, (answer, notes) in answers.items():
            if answer and answer not in Answer.values:
                raise ValidationError({item: _("Choose yes, no or needs more work")})
            ChecklistAnswer.objects.update_or_create(
                organisation=project.organisation,
                project=project,
                stage=stage,
                item=item,
                defaults={"answer": answer, "notes": notes, "updated_at": timezone.now()},
            )
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="checklist.save",
            target=project,
            details={"stage": stage},
        )


def project_move(*, acting_user: User, project: Project, to_stage: str) -> StageChange:
    """Move to any stage (the cycle may loop). Open items are allowed, and recorded."""
    from coproduce.projects.selectors import open_checklist_items

    with transaction.atomic():
        open_items = len(open_checklist_items(project=project, stage=project.stage))
        change = StageChange(
            organisation=project.organisation,
            project=project,
            from_stage=project.stage,
            to_stage=to_stage,
            open_items=open_items,
            changed_by=acting_user,
        )
        change.full_clean()
        change.save()
        project.stage = to_stage
        project.full_clean()
        project.save(update_fields=["stage"])
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="project.move",
            target=project,
            details={"to": to_stage, "open_items": open_items},
        )
    return change


def role_create(*, acting_user: User, project: Project, **fields: Any) -> RoleDescription:
    with transaction.atomic():
        role = RoleDescription(organisation=project.organisation, project=project, **fields)
        role.full_clean()
        role.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="role.create",
            target=role,
        )
    return role


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


def idea_record(
    *,
    acting_user: User,
    project: Project,
    text: str,
    source: str,
    owner: Membership,
    author: Membership | None = None,
    group_name: str = "",
    session: Session | None = None,
    created_at: datetime.datetime | None = None,
) -> Idea:
    if author is None and not group_name:
        raise ValidationError({"author": _("Say which young person or group the idea came from")})
    if not owner.is_staff_member:
        raise ValidationError({"owner": _("The owner must be a member of staff")})
    created = created_at or timezone.now()
    due_days = project_settings_for(organisation=project.organisation).feedback_due_days
    with transaction.atomic():
        idea = Idea(
            organisation=project.organisation,
            project=project,
            text=text,
            source=source,
            author=author,
            group_name=group_name,
            owner=owner,
            session=session,
            recorded_by=acting_user,
            created_at=created,
            due_on=timezone.localdate(created) + datetime.timedelta(days=due_days),
        )
        idea.full_clean()
        idea.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="idea.record",
            target=idea,
        )
    return idea


def response_give(
    *,
    acting_user: User,
    ideas: Sequence[Idea],
    status: str,
    reason: str = "",
    action: str = "",
    feedback_given_on: datetime.date | None = None,
    feedback_method: str = "",
) -> Response:
    """Answer one or more ideas. 'Not adopted' needs a reason; each author hears of the change."""
    if not ideas:
        raise ValidationError(_("Choose at least one idea to answer"))
    project = ideas[0].project
    if any(i.project_id != project.pk for i in ideas):
        raise ValidationError(_("Answer ideas from one project at a time"))
    if status == Status.NOT_ADOPTED and not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the idea was not adopted. Young people have a right to know.")}
        )
    if feedback_given_on and not feedback_method.strip():
        raise ValidationError({"feedback_method": _("Say how the feedback was given")})
    with transaction.atomic():
        response = ideas[0].response or Response(organisation=project.organisation, project=project)
        old_status = response.status if response.pk else None
        response.status, response.reason, response.action = status, reason, action
        response.feedback_given_on, response.feedback_method = feedback_given_on, feedback_method
        response.updated_at = timezone.now()
        response.full_clean()
        response.save()
        for idea in ideas:
            idea.response = response
            idea.save(update_fields=["response"])
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="response.give",
            target=response,
            details={"status": status, "ideas": [i.pk for i in ideas]},
        )
        if old_status != status:
            label = dict(Status.choices)[status]  # lazy: translated for each recipient

            def decision() -> str:
                return _("Decision: %(status)s") % {"status": str(label)}

            for idea in ideas:
                if idea.author is not None:
                    notify(
                        organisation=project.organisation,
                        recipient=idea.author.user,
                        kind="idea.status",
                        dedupe_key=f"idea:{idea.pk}:{status}",
                        subject=lambda: _("There is news about your idea"),
                        body=decision,
                        url="/projects/my-ideas/",
                    )
    return response


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
