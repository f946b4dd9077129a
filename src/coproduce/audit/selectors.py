from __future__ import annotations

from django.db.models import QuerySet

from coproduce.audit.models import AuditEvent
from coproduce.organisations.models import Organisation


def audit_events_for(*, organisation: Organisation) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organisation=organisation).select_related("actor")
