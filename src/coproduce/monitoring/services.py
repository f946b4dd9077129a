"""Writes for monitoring: the narrative beside the figures, and the service population.
(Sharing with commissioners is the organisation's own row: `organisations.services`.)"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.monitoring.models import Narrative, PopulationGroup
from coproduce.monitoring.report import QUESTIONS

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation
    from coproduce.projects.models import Project


def narrative_save(
    *,
    acting_user: User,
    project: Project,
    start: datetime.date,
    end: datetime.date,
    question: str,
    text: str,
) -> Narrative:
    if question not in dict(QUESTIONS):
        raise ValidationError(_("There is no such monitoring question"))
    with transaction.atomic():
        row = Narrative.objects.filter(
            project=project, period_start=start, period_end=end, question=question
        ).first() or Narrative(
            organisation=project.organisation,
            project=project,
            period_start=start,
            period_end=end,
            question=question,
        )
        row.text, row.updated_by, row.updated_at = text.strip(), acting_user, timezone.now()
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=project.organisation,
            verb="monitoring.narrative",
            target=row,
            details={"question": question},
        )
    return row


def population_save(
    *, acting_user: User, organisation: Organisation, counts: dict[str, int | None]
) -> None:
    """Record how many young people the organisation serves per group (empty removes it)."""
    with transaction.atomic():
        for group, count in counts.items():
            if count is None:
                PopulationGroup.objects.filter(organisation=organisation, group=group).delete()
                continue
            PopulationGroup.objects.update_or_create(
                organisation=organisation,
                group=group,
                defaults={"count": count, "updated_at": timezone.now()},
            )
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="monitoring.population",
            target=organisation,
            details={k: v for k, v in counts.items()},
        )
