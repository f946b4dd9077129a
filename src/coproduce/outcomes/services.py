from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.outcomes.measures import KEYS
from coproduce.outcomes.models import OutcomeCheckIn, OutcomeSettings
from coproduce.projects.selectors import projects_taken_part_in

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Project


def check_in_record(
    *,
    acting_user: User,
    young_person: Membership,
    project: Project,
    answers: dict[str, int],
    taken_at: datetime.datetime | None = None,
) -> OutcomeCheckIn:
    if project.organisation_id != young_person.organisation_id:
        raise ValidationError(_("Choose a project of your organisation"))
    if not projects_taken_part_in(membership=young_person).filter(pk=project.pk).exists():
        raise ValidationError(_("Check-ins are for projects you take part in"))
    missing = [k for k in KEYS if k not in answers]
    if missing:
        raise ValidationError({k: _("Choose an answer") for k in missing})
    row = OutcomeCheckIn(
        organisation=project.organisation,
        young_person=young_person,
        project=project,
        taken_at=taken_at or timezone.now(),
        **answers,
    )
    with transaction.atomic():
        row.full_clean()
        row.save()
        # Answers are the young person's own: the trail records that they answered, not what.
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="outcomes.check_in",
            target=row,
        )
    return row


def settings_set(
    *, acting_user: User, organisation: Organisation, every_days: int
) -> OutcomeSettings:
    with transaction.atomic():
        row, _created = OutcomeSettings.objects.update_or_create(
            organisation=organisation,
            defaults={"every_days": every_days, "updated_by": acting_user},
        )
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="outcomes.settings",
            target=row,
            details={"every_days": every_days},
        )
    return row
