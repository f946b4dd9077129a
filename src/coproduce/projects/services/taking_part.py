"""Writes for young people taking part: asking to join, staff's answer, "I can't come"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.notifications.services import notify
from coproduce.projects.checklists import Stage
from coproduce.projects.models import Apology, JoinRequest, JoinStatus, Project, RoleDescription
from coproduce.projects.selectors import is_in_project

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Session


def join_request_create(
    *,
    acting_user: User,
    project: Project,
    young_person: Membership,
    role: RoleDescription | None = None,
    message: str = "",
) -> JoinRequest:
    """A young person says "I'm interested": staff then accept or decline."""
    if not young_person.is_young_person or young_person.organisation_id != project.organisation_id:
        raise ValidationError(_("Only young people in this organisation can ask to join"))
    if project.stage == Stage.EVALUATION:
        raise ValidationError(_("This project has finished, so nobody new can join it"))
    if role is not None and role.project_id != project.pk:
        raise ValidationError({"role": _("Choose a role in this project")})
    if is_in_project(membership=young_person, project=project):
        raise ValidationError(_("You are already in this project"))
    with transaction.atomic():
        if JoinRequest.objects.filter(
            project=project, young_person=young_person, status=JoinStatus.WAITING
        ).exists():
            raise ValidationError(_("You have already asked to join. Staff will answer soon."))
        request = JoinRequest(
            organisation=project.organisation,
            project=project,
            role=role,
            young_person=young_person,
            message=message.strip(),
        )
        request.full_clean()
        request.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="join_request.create",
            target=request,
            details={"role": role.pk if role else None},
        )
        _tell_staff_of(request)
    return request


def _tell_staff_of(join_request: JoinRequest) -> None:
    """A note for the staff who answer requests for this project (in the app, no e-mail)."""
    from coproduce.projects.selectors import join_request_answerers

    project = join_request.project
    name, who = project.name, join_request.young_person.user.display_name
    url = reverse("projects:join_request_answer", args=[join_request.pk])
    for staff in join_request_answerers(project=project):
        notify(
            organisation=project.organisation,
            recipient=staff.user,
            kind="project.join_request",
            dedupe_key=f"join-request:{join_request.pk}:{staff.user_id}",
            subject=lambda: (
                _("%(person)s is asking to join %(project)s") % {"person": who, "project": name}
            ),
            url=url,
            email=False,
        )


def join_request_decide(
    *, acting_user: User, join_request: JoinRequest, accept: bool, reply: str = ""
) -> JoinRequest:
    """Staff accept or decline; declining needs a message. The young person is told."""
    if join_request.status != JoinStatus.WAITING:
        raise ValidationError(_("This request has already been answered"))
    if not accept and not reply.strip():
        raise ValidationError(
            {"reply": _("Say why not, or what they could do instead. They will see this.")}
        )
    project = join_request.project
    with transaction.atomic():
        join_request.status = JoinStatus.ACCEPTED if accept else JoinStatus.DECLINED
        join_request.reply = reply.strip()
        join_request.decided_by = acting_user
        join_request.decided_at = timezone.now()
        join_request.full_clean()
        join_request.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="join_request.decide",
            target=join_request,
            details={"status": join_request.status},
        )
        name = project.name

        def subject() -> str:
            if accept:
                return _("You're in: %(project)s") % {"project": name}
            return _("About your request to join %(project)s") % {"project": name}

        notify(
            organisation=project.organisation,
            recipient=join_request.young_person.user,
            kind="project.join",
            dedupe_key=f"join:{join_request.pk}:{join_request.status}",
            subject=subject,
            body=lambda: join_request.reply,
            url=reverse("projects:get_involved"),
        )
    return join_request


def apology_give(*, acting_user: User, session: Session, young_person: Membership) -> Apology:
    """A young person says they cannot come to a session that has not happened yet."""
    if not is_in_project(membership=young_person, project=session.project):
        raise ValidationError(_("You are not in this project"))
    if session.date < timezone.localdate():
        raise ValidationError(_("This session has already happened"))
    with transaction.atomic():
        apology, created = Apology.objects.get_or_create(
            organisation=session.organisation, session=session, young_person=young_person
        )
        if created:
            audit_record(
                acting_user=acting_user,
                organisation=session.organisation,
                verb="apology.give",
                target=apology,
            )
    return apology
