"""Writes for a project itself: settings, the project, its checklist, stage and roles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.bilingual import translations_set
from coproduce.projects.checklists import CHECKLISTS, Answer
from coproduce.projects.models import (
    ChecklistAnswer,
    Form,
    Project,
    ProjectSettings,
    RoleDescription,
    StageChange,
)
from coproduce.projects.selectors import open_checklist_items, settings_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation, Service


def project_settings_update(
    *,
    acting_user: User,
    organisation: Organisation,
    ladder: str,
    feedback_due_days: int,
    public_board: bool | None = None,
) -> ProjectSettings:
    with transaction.atomic():
        settings_ = settings_for(organisation=organisation)
        settings_.ladder, settings_.feedback_due_days = ladder, feedback_due_days
        if public_board is not None:
            settings_.public_board = public_board
        settings_.full_clean()
        settings_.save()
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="project_settings.update",
            target=settings_,
            details={
                "ladder": ladder,
                "feedback_due_days": feedback_due_days,
                "public_board": settings_.public_board,
            },
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
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> Project:
    """`translations`: the name and aims in English and Welsh (core/bilingual.py); without
    it, `name` and `aims` are in the language the person is using."""
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
        translations_set(instance=project, texts=translations or {})
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


def project_update(
    *,
    acting_user: User,
    project: Project,
    translations: Mapping[str, Mapping[str, str]] | None = None,
    **fields: Any,
) -> Project:
    with transaction.atomic():
        changed = []
        for name in PROJECT_FIELDS:
            if name in fields:
                value = _check_forms(fields[name]) if name == "forms" else fields[name]
                if getattr(project, name) != value:
                    changed.append(name)
                    setattr(project, name, value)
        before = {f: getattr(project, f"{f}_cy") for f in (translations or {})}
        translations_set(instance=project, texts=translations or {})
        changed += [f"{f}_cy" for f, was in before.items() if getattr(project, f"{f}_cy") != was]
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


def role_create(
    *,
    acting_user: User,
    project: Project,
    translations: Mapping[str, Mapping[str, str]] | None = None,
    **fields: Any,
) -> RoleDescription:
    with transaction.atomic():
        role = RoleDescription(organisation=project.organisation, project=project, **fields)
        translations_set(instance=role, texts=translations or {})
        role.full_clean()
        role.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="role.create",
            target=role,
        )
    return role
