"""What an assessment rests on besides its scores, imported by `models`: reflections per
indicator, the conversation held where staff and young people disagreed, and citations of
records the platform holds as evidence."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class Reflection(TenantModel):
    """Per indicator: what to do to improve, or what to share."""

    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="reflections"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("reflection"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="reflection_one_per_indicator"
            )
        ]


class Conversation(TenantModel):
    """A record of the talk held where staff and young people disagreed on an indicator."""

    round = models.ForeignKey(
        "assessments.Round", on_delete=models.PROTECT, related_name="conversations"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("what was said and agreed"))
    recorded_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("date held"), default=timezone.localdate)

    class Meta:
        ordering = ["indicator__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "indicator"], name="conversation_one_per_indicator"
            )
        ]


class Citation(TenantModel):
    """Evidence: an indicator's examples cite a record the platform holds (any app's model)."""

    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="citations"
    )
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    # What the record was called when cited, so the page reads well if it later changes.
    label = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    dated = models.DateField(null=True, blank=True)
    cited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-dated", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator", "content_type", "object_id"],
                name="citation_unique",
            )
        ]
