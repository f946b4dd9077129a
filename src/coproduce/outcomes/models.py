from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel
from coproduce.outcomes.measures import KEYS


def _score() -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField()


class OutcomeCheckIn(TenantModel):
    """A young person's own answers on one day, for one project they take part in."""

    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="outcome_check_ins"
    )
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="outcome_check_ins"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    confidence = _score()
    skills = _score()
    friendships = _score()
    motivation = _score()
    connect = _score()
    be_active = _score()
    take_notice = _score()
    keep_learning = _score()
    give = _score()

    class Meta:
        ordering = ["taken_at", "id"]
        indexes = [models.Index(fields=["project", "young_person", "taken_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{k}__gte": 1, f"{k}__lte": 5}), name=f"outcome_{k}_1_to_5"
            )
            for k in KEYS
        ]


class OutcomeSettings(TenantModel):
    every_days = models.PositiveSmallIntegerField(
        _("ask again after this many days"),
        default=90,
        help_text=_("Young people are asked when they join, then every so often."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="outcome_settings_once")
        ]
