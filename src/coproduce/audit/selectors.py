from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import QuerySet

from coproduce.audit.models import AuditEvent

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def audit_events_for(*, organisation: Organisation) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")


def views_of(person: models.Model, *, limit: int = 20) -> QuerySet[AuditEvent]:
    """Who has looked at this person's record, newest first."""
    return AuditEvent.objects.filter(
        organisation_id=person.organisation_id,  # type: ignore[attr-defined]
        verb="person.view",
        target_type=person._meta.label_lower,
        target_id=str(person.pk),
    ).select_related("actor")[:limit]
