"""Co-commissioning: a round with criteria and bids, a panel that scores each bid on its own
first, then moderates together and decides within the budget (seed 003, Fran's case study)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class RoundStatus(models.TextChoices):
    SCORING = "scoring", _("Open for scoring")
    DECIDED = "decided", _("Decided")


class Round(TenantModel):
    """One commissioning round: a budget, what it is for and how bids are judged."""

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.PROTECT,
        related_name="commissioning_rounds",
        verbose_name=_("co-production project"),
        help_text=_(
            "The project the panel belongs to; its 'You said – we did' board shows the decision."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    outcomes_sought = models.TextField(_("what the funding is for"))
    budget_pence = models.PositiveBigIntegerField(_("budget"))
    scale_min = models.PositiveSmallIntegerField(default=1)
    scale_max = models.PositiveSmallIntegerField(default=5)
    briefing = models.TextField(
        _("briefing for panel members"),
        blank=True,
        help_text=_("What panel members need to know before they score: read it, then confirm."),
    )
    status = models.CharField(
        max_length=20, choices=RoundStatus.choices, default=RoundStatus.SCORING
    )
    decision_summary = models.TextField(_("what the panel decided, and why"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=F("scale_min")), name="round_scale_order"
            ),
            models.CheckConstraint(condition=Q(scale_max__lte=10), name="round_scale_max_10"),
            models.CheckConstraint(
                condition=Q(status="scoring") | Q(decided_at__isnull=False),
                name="round_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.SCORING


class ScaleLevel(TenantModel):
    """What a score means, so every panel member reads the scale the same way."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scale_levels")
    score = models.PositiveSmallIntegerField()
    descriptor = models.CharField(max_length=300)

    class Meta:
        ordering = ["score"]
        constraints = [
            models.UniqueConstraint(fields=["round", "score"], name="scale_level_once"),
        ]


class Lot(TenantModel):
    """A part of the round bids can be for (for example 'A place to go')."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="lots")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="lot_unique_name")]

    def __str__(self) -> str:
        return self.name


class Criterion(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("what to look for"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="criterion_unique_name"),
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=100), name="criterion_weight_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name


def _private_upload(instance: models.Model, filename: str) -> str:
    # MEDIA_ROOT has no public URL: files go out only through a view that checks permission.
    return f"commissioning/{instance.organisation_id}/{timezone.now():%Y%m}/{filename}"  # type: ignore[attr-defined]


class Document(TenantModel):
    """Papers for the round (specification, guidance). Served only through a permission check."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_private_upload)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]


class Bid(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="bids")
    lot = models.ForeignKey(
        Lot, on_delete=models.PROTECT, null=True, blank=True, related_name="bids"
    )
    provider = models.CharField(_("organisation bidding"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    title = models.CharField(_("what the bid is called"), max_length=200)
    summary = models.TextField(_("summary of the bid"))
    amount_requested_pence = models.PositiveBigIntegerField(_("amount asked for"))
    file = models.FileField(_("the bid document"), upload_to=_private_upload, blank=True)
    panel_reasons = models.TextField(_("the panel's reasons, for the feedback letter"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["provider", "id"]

    def __str__(self) -> str:
        return f"{self.provider}: {self.title}"


class MemberKind(models.TextChoices):
    YOUNG_PERSON = "young_person", _("Young person")
    STAFF = "staff", _("Staff")
    OTHER = "other", _("Other (for example a parent or partner)")


class PanelMember(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="panel")
    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="panel_seats"
    )
    kind = models.CharField(_("taking part as"), max_length=20, choices=MemberKind.choices)
    role_title = models.CharField(_("role on the panel"), max_length=120, blank=True)
    # Named by a manager: runs this round's set-up, moderation meeting and decision.
    is_chair = models.BooleanField(_("chairs the panel"), default=False)
    briefed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["membership__user__first_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "membership"], name="panel_member_once"),
            # Scores are submitted only after the briefing.
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(briefed_at__isnull=False),
                name="panel_member_briefed_before_submitting",
            ),
        ]

    def __str__(self) -> str:
        return str(self.membership.user)


class Declaration(TenantModel):
    """A declaration of interest: one per member and bid, interest or none."""

    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="declarations")
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="declarations")
    has_interest = models.BooleanField(_("I have an interest in this bid"))
    details = models.TextField(_("what the interest is"), blank=True)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "bid"], name="declaration_once"),
            models.CheckConstraint(
                condition=Q(has_interest=False) | ~Q(details=""),
                name="declaration_interest_explained",
            ),
        ]


class Score(TenantModel):
    """One member's score for one bid on one criterion, with their reason."""

    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="scores")
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()
    comment = models.TextField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "bid", "criterion"], name="score_once"),
            models.CheckConstraint(condition=Q(score__lte=10), name="score_at_most_10"),
        ]


class AgreedScore(TenantModel):
    """The score the panel agreed in moderation, and why."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="agreed_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="agreed_scores")
    score = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bid", "criterion"], name="agreed_score_once"),
            models.CheckConstraint(condition=Q(score__lte=10), name="agreed_score_at_most_10"),
            models.CheckConstraint(condition=~Q(rationale=""), name="agreed_score_has_rationale"),
        ]


class Award(TenantModel):
    """Money the panel awards a bid. The total never passes the round's budget (see services)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="awards")
    bid = models.OneToOneField(Bid, on_delete=models.CASCADE, related_name="award")
    amount_pence = models.PositiveBigIntegerField(_("amount awarded"))
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="award_positive"),
        ]
