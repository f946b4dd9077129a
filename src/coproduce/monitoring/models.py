"""What monitoring adds to the records other apps keep: the narrative a report needs, and
the service population inclusion is measured against."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class Narrative(TenantModel):
    """Staff's words for one monitoring question, for one project and period."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="narratives"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    question = models.CharField(max_length=40)
    text = models.TextField(_("your answer"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start", "period_end", "question"], name="narrative_once"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="narrative_period_order"
            ),
        ]


class PopulationGroup(TenantModel):
    """How many young people the organisation serves in one group (an age band, or in care)."""

    group = models.CharField(_("group"), max_length=40)
    count = models.PositiveIntegerField(_("young people served"))
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["group"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "group"], name="population_once")
        ]
