"""Recruitment interviews built from a framework (seeds 000 and 002), imported by `models`.

The guide suggests asking people who apply for a job to describe times they have worked to the
framework's principles; the literature review describes young people sitting on interview
panels with a say equal to staff. So an interview's questions come from a framework's
indicators, each panel member (young people among them) scores every candidate alone, and only
then does the panel agree a score, as a commissioning panel does.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel

# Each answer is scored 1 to 4 (what the words mean: `INTERVIEW_SCALE` in `recruitment`).
INTERVIEW_SCORE_MAX = 4


class Interview(TenantModel):
    post = models.CharField(_("job being recruited for"), max_length=200)
    version = models.ForeignKey(
        "assessments.FrameworkVersion", on_delete=models.PROTECT, related_name="interviews"
    )
    held_on = models.DateField(_("date of the interviews"), default=timezone.localdate)
    created_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.post


class Panellist(TenantModel):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="panel")
    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    is_young_person = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-is_young_person", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "membership"], name="panellist_once_per_interview"
            )
        ]


class Candidate(TenantModel):
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("candidate"), max_length=200)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["interview", "name"], name="candidate_once")]

    def __str__(self) -> str:
        return self.name


class InterviewScore(TenantModel):
    """One panel member's own score for one candidate's answer to one question."""

    panellist = models.ForeignKey(Panellist, on_delete=models.CASCADE, related_name="scores")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(_("score"))
    note = models.TextField(_("why"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["panellist", "candidate", "indicator"], name="interview_score_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=INTERVIEW_SCORE_MAX),
                name="interview_score_in_scale",
            ),
        ]


class AgreedInterviewScore(TenantModel):
    """The score the whole panel agreed for one candidate and question, and why."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="agreed")
    indicator = models.ForeignKey(
        "assessments.Indicator", on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(_("agreed score"))
    reason = models.TextField(_("why the panel agreed this"))
    recorded_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "indicator"], name="agreed_interview_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=INTERVIEW_SCORE_MAX),
                name="agreed_interview_in_scale",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="agreed_interview_has_reason"),
        ]
