"""Self-assessment: frameworks (versioned, frozen once used), rounds, assessments and scores.

Every framework an organisation can use is its own copy (built-ins are installed per
organisation by `frameworks.builtins_install`), so every row is tenant data.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.assessments.choices import (
    BAND_ORDER,
    BAND_RANGES,
    LEVELS_FOR,
    PATHWAYS_LEVELS,
    Band,
    Checklist,
    Level,
    Perspective,
    ScaleKind,
    band_for,
    levels_offered,
)
from coproduce.core.tenancy import TenantModel

# The vocabularies live in `choices`; callers keep importing them from here.
__all__ = [
    "BAND_ORDER",
    "BAND_RANGES",
    "LEVELS_FOR",
    "PATHWAYS_LEVELS",
    "Band",
    "Checklist",
    "Level",
    "Perspective",
    "ScaleKind",
    "band_for",
    "levels_offered",
]


class Framework(TenantModel):
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    credit = models.TextField(_("source credited"), blank=True)
    is_builtin = models.BooleanField(_("built in"), default=False)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_builtin", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="framework_unique_key")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def guidance_key(self) -> str:
        """The built-in framework this is, or was adapted from: its guidance applies."""
        if self.is_builtin:
            return self.key
        return self.copied_from.guidance_key if self.copied_from is not None else ""


class FrameworkVersion(TenantModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    scale = models.CharField(_("scale"), max_length=20, choices=ScaleKind.choices)
    # "Co-producing" only when every indicator scores at least this (the guide: 7).
    verdict_min = models.PositiveSmallIntegerField(default=7)
    frozen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="version_unique_number"),
            models.CheckConstraint(
                condition=models.Q(verdict_min__gte=1, verdict_min__lte=9),
                name="version_verdict_min_1_to_9",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework.name} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def is_banded(self) -> bool:
        return self.scale == ScaleKind.BANDED

    @property
    def is_pathways(self) -> bool:
        return self.scale == ScaleKind.PATHWAYS

    @property
    def verdict_range(self) -> tuple[int, int]:
        """The scores every indicator needs for "co-producing": this version's minimum up to
        the top of the highest band (the guide: 7 to 9)."""
        top = max(high for _low, high in BAND_RANGES.values())
        return (self.verdict_min, top)


class FrozenVersionError(Exception):
    """A framework version that an assessment uses cannot change."""


class _VersionPart(TenantModel):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        if FrameworkVersion.objects.filter(pk=self.version_id, frozen_at__isnull=False).exists():
            raise FrozenVersionError(str(_("This framework version is in use and cannot change.")))
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Principle(_VersionPart):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="principles"
    )
    order = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=60)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="principle_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(_VersionPart):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="indicators"
    )
    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField()
    # Stable across versions and copies: trends compare indicators with the same key.
    key = models.SlugField(max_length=60)
    title = models.CharField(_("staff wording"), max_length=300)
    young_title = models.CharField(_("young people's wording"), max_length=300)
    young_hint = models.TextField(_("young people's explanation"), blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="indicator_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


class BandDescriptor(_VersionPart):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="bands")
    band = models.CharField(max_length=20, choices=Band.choices)
    descriptor = models.TextField(_("what it looks like"))
    # One example of practice per line; organisations add their own.
    examples = models.TextField(_("example practice"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "band"], name="band_unique_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.key} {self.band}"

    @property
    def example_list(self) -> list[str]:
        return [line.strip() for line in self.examples.splitlines() if line.strip()]


class Settings(TenantModel):
    """Per-organisation settings for self-assessment."""

    gap_threshold = models.PositiveSmallIntegerField(
        _("disagreement threshold"),
        default=3,
        help_text=_("Points between staff and young people that call for a conversation."),
    )
    reminder_days = models.PositiveSmallIntegerField(_("remind this many days before"), default=14)
    cycle_months = models.PositiveSmallIntegerField(_("months between rounds"), default=6)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="assessment_settings_unique"),
            models.CheckConstraint(
                condition=models.Q(gap_threshold__gte=1, gap_threshold__lte=8),
                name="assessment_settings_gap_1_to_8",
            ),
        ]


class Round(TenantModel):
    name = models.CharField(_("name"), max_length=100)
    version = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="rounds")
    opens_on = models.DateField(_("opens"), default=timezone.localdate)
    due_on = models.DateField(_("due"))
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("opens_on")), name="round_due_after_open"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Assessment(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="assessments")
    respondent = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="assessments"
    )
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    project = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("project"),
    )
    # A practitioner who ran the session in which a young person completed it.
    led_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The levels this respondent chose to answer at (empty: every level offered).
    chosen_levels = models.JSONField(_("levels answered"), default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent", "perspective"], name="assessment_one_per_round"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(submitted_at__isnull=False),
                name="assessment_submitted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.respondent}"

    @property
    def levels(self) -> list[str]:
        offered = levels_offered(self.perspective, self.round.version.scale)
        chosen = [level for level in offered if level in (self.chosen_levels or [])]
        return chosen or offered

    @property
    def is_submitted(self) -> bool:
        return self.status == Status.SUBMITTED


class Score(TenantModel):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores")
    level = models.CharField(max_length=20, choices=Level.choices)
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=20, choices=Checklist.choices, blank=True)
    example = models.TextField(_("practical example"), blank=True)
    generic = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["indicator__order", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator", "level"], name="score_one_per_level"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=9),
                name="score_value_1_to_9",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.key} {self.level}: {self.value or self.answer}"

    @property
    def is_answered(self) -> bool:
        return self.value is not None or bool(self.answer)


class ScoreCorrection(TenantModel):
    """An earlier answer, kept when a submitted score is corrected (append-only)."""

    score = models.ForeignKey(Score, on_delete=models.PROTECT, related_name="corrections")
    previous_value = models.PositiveSmallIntegerField(null=True, blank=True)
    previous_answer = models.CharField(max_length=20, blank=True)
    previous_example = models.TextField(blank=True)
    reason = models.TextField(_("reason for the correction"))
    corrected_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-corrected_at", "-pk"]

    @property
    def previous_shown(self) -> str:
        """The earlier answer as a person reads it (a score, or "Needs more work")."""
        if self.previous_value is not None:
            return str(self.previous_value)
        if self.previous_answer in Checklist.values:
            return str(Checklist(self.previous_answer).label)
        return self.previous_answer


# Reflections, conversations and citations, and recruitment interviews built from a
# framework, live in their own modules (kept short).
from coproduce.assessments.evidence_models import Citation, Conversation, Reflection  # noqa: E402
from coproduce.assessments.interview_models import (  # noqa: E402
    AgreedInterviewScore,
    Candidate,
    Interview,
    InterviewScore,
    Panellist,
)

__all__ += ["Citation", "Conversation", "Reflection"]
__all__ += ["AgreedInterviewScore", "Candidate", "Interview", "InterviewScore", "Panellist"]
