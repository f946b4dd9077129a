"""Writes for young people's ideas and views, and the answers they are owed."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.notifications.services import notify
from coproduce.projects.models import Idea, Project, Response, Session, Source, Status
from coproduce.projects.selectors import settings_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def idea_record(
    *,
    acting_user: User,
    project: Project | None,
    text: str,
    source: str,
    owner: Membership,
    author: Membership | None = None,
    group_name: str = "",
    session: Session | None = None,
    created_at: datetime.datetime | None = None,
    organisation: Organisation | None = None,
) -> Idea:
    """Record an idea for a project, or (no project) for the organisation as a whole."""
    organisation = project.organisation if project is not None else organisation
    if organisation is None:
        raise ValidationError(_("Say which organisation the idea is for"))
    if author is None and not group_name:
        raise ValidationError({"author": _("Say which young person or group the idea came from")})
    if not owner.is_staff_member:
        raise ValidationError({"owner": _("The owner must be a member of staff")})
    created = created_at or timezone.now()
    if owner.organisation_id != organisation.pk:
        raise ValidationError({"owner": _("The owner must be a member of staff")})
    due_days = settings_for(organisation=organisation).feedback_due_days
    with transaction.atomic():
        idea = Idea(
            organisation=organisation,
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
            organisation=organisation,
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
    project, organisation = ideas[0].project, ideas[0].organisation
    if any(i.project_id != ideas[0].project_id for i in ideas):
        raise ValidationError(_("Answer ideas from one project at a time"))
    if status == Status.NOT_ADOPTED and not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the idea was not adopted. Young people have a right to know.")}
        )
    if feedback_given_on and not feedback_method.strip():
        raise ValidationError({"feedback_method": _("Say how the feedback was given")})
    with transaction.atomic():
        response = ideas[0].response or Response(organisation=organisation, project=project)
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
            organisation=organisation,
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
                        organisation=organisation,
                        recipient=idea.author.user,
                        kind="idea.status",
                        dedupe_key=f"idea:{idea.pk}:{status}",
                        subject=lambda: _("There is news about your idea"),
                        body=decision,
                        url="/projects/my-ideas/",
                    )
    return response


def idea_give(
    *, acting_user: User, project: Project | None, young_person: Membership, text: str
) -> Idea:
    """A young person gives their own idea to a project they are in, or (no project) to the
    organisation as a whole. It goes to the member of staff who accepted them onto the project
    (or, for the organisation, its longest-serving manager or staff)."""
    from coproduce.organisations.roles import CAPABILITIES
    from coproduce.organisations.selectors import staff_for
    from coproduce.projects.selectors import is_in_project, join_requests_of

    if not young_person.is_young_person or (
        project is not None and not is_in_project(membership=young_person, project=project)
    ):
        raise ValidationError({"project": _("Choose a project you are in")})
    if not text.strip():
        raise ValidationError({"text": _("Write your idea")})
    staff = staff_for(organisation=young_person.organisation).order_by("pk")
    owner = None
    if project is not None:
        accepted = join_requests_of(membership=young_person).get(project.pk)
        if accepted is not None and accepted.decided_by_id is not None:
            owner = staff.filter(user_id=accepted.decided_by_id).first()
    else:
        owner = staff.filter(role__in=CAPABILITIES["manage_people"]).first()
    owner = owner or staff.first()
    if owner is None:
        raise ValidationError(_("Nobody on the staff can answer ideas yet. Tell a youth worker."))
    return idea_record(
        acting_user=acting_user,
        project=project,
        organisation=young_person.organisation,
        text=text.strip(),
        source=Source.YOUNG_PERSON,
        author=young_person,
        owner=owner,
    )
