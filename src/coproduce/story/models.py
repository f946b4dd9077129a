"""Peer mentoring (seed 000): an older young person named mentor of a younger one in a project.
It shows in both their stories."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from coproduce.core.tenancy import TenantModel


class Mentoring(TenantModel):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="+", verbose_name="project"
    )
    mentor = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="mentoring"
    )
    mentee = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="mentored_by"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "mentor", "mentee"], name="mentoring_once_per_project"
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="mentoring_not_self"),
        ]
