"""Who takes part, what they need and what they are given.

Equality answers are special category data: only the young person sees their own answers;
staff see them only in aggregate, with the small-number rule, and only with `view_equality`.
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel
from coproduce.inclusion.choices import (
    Disability,
    Ethnicity,
    Language,
    LawfulBasis,
    PaymentKind,
    PaymentMethod,
    PaymentStatus,
    Sex,
    YesNo,
)

# The outward part of a UK postcode ("CF37", "SW1A"): an area, never an address.
postcode_district = RegexValidator(
    r"^[A-Z]{1,2}[0-9][0-9A-Z]?$",
    _("Enter the first half of a postcode, for example CF37"),
)


class InclusionSettings(TenantModel):
    """An organisation's limits for asking the same young person too often."""

    ask_limit = models.PositiveSmallIntegerField(
        _("most sessions before we warn"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    ask_weeks = models.PositiveSmallIntegerField(
        _("in how many weeks"), default=4, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    equality_basis = models.CharField(
        _("lawful basis for equality monitoring"),
        max_length=20,
        choices=LawfulBasis.choices,
        default=LawfulBasis.CONSENT,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="inclusion_settings_once")
        ]


class EqualityProfile(TenantModel):
    """A young person's own equality monitoring answers. Blank means not answered."""

    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, blank=True)
    gender_same_as_birth = models.CharField(
        _("gender the same as the sex registered at birth"),
        max_length=20,
        choices=YesNo.choices,
        blank=True,
    )
    ethnicity = models.CharField(
        _("ethnic group"), max_length=40, choices=Ethnicity.choices, blank=True
    )
    disability = models.CharField(
        _("disability or SEND"), max_length=20, choices=Disability.choices, blank=True
    )
    care_experience = models.CharField(
        _("care experience"), max_length=20, choices=YesNo.choices, blank=True
    )
    young_carer = models.CharField(
        _("young carer"), max_length=20, choices=YesNo.choices, blank=True
    )
    first_language = models.CharField(
        _("first language"), max_length=20, choices=Language.choices, blank=True
    )
    postcode_district = models.CharField(
        _("postcode district"), max_length=4, blank=True, validators=[postcode_district]
    )
    # Worked out when the answers are saved, from the district: the organisation's own list
    # (AreaDecile) if it names the district, otherwise the published lookup (DistrictDecile).
    deprivation_decile = models.PositiveSmallIntegerField(
        _("deprivation decile of their area"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    lawful_basis = models.CharField(_("lawful basis"), max_length=20, choices=LawfulBasis.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    PERSONAL_FIELDS = (
        "sex",
        "gender_same_as_birth",
        "ethnicity",
        "disability",
        "care_experience",
        "young_carer",
        "first_language",
        "postcode_district",
    )


class AreaDecile(TenantModel):
    """The deprivation decile (1 most deprived) staff give a postcode district they serve."""

    district = models.CharField(
        _("postcode district"), max_length=4, validators=[postcode_district]
    )
    decile = models.PositiveSmallIntegerField(
        _("deprivation decile"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        ordering = ["district"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "district"], name="area_decile_once")
        ]


class DistrictDecile(models.Model):
    """The published deprivation decile (1 most deprived) of a postcode district: the median
    decile of its postcodes, loaded by `coproduce deprivation_load` from the government's
    files (WIMD for Wales, IMD for England; docs/operations.md). The same for every
    organisation, so not a tenant row."""

    district = models.CharField(max_length=4, unique=True, validators=[postcode_district])
    decile = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    postcodes = models.PositiveIntegerField(default=0)  # how many postcodes it was worked from
    source = models.CharField(max_length=100, blank=True)  # e.g. "WIMD 2019"
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["district"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decile__gte=1) & Q(decile__lte=10), name="district_decile_1_to_10"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.decile}"


class AccessNeeds(TenantModel):
    """What a young person needs to take part, for the staff who run sessions."""

    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    needs = models.JSONField(_("access needs"), default=list, blank=True)
    notes = models.TextField(_("more about what helps"), blank=True)
    first_language = models.CharField(
        _("first language"), max_length=20, choices=Language.choices, blank=True
    )
    updated_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(default=timezone.now)


def _receipt_path(instance: Payment, filename: str) -> str:
    # A random name (the uploaded one may name a young person) under MEDIA_ROOT, which has no
    # public URL: a receipt goes out only through the payments view that checks permission.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"receipts/{instance.organisation_id}/{uuid.uuid4().hex}.{extension}"


class Payment(TenantModel):
    """Money given to a young person: recorded by one member of staff, approved by another."""

    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("what it is"), max_length=20, choices=PaymentKind.choices)
    purpose = models.CharField(_("what it was for"), max_length=200)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    amount_pence = models.PositiveIntegerField(_("amount (pence)"))
    method = models.CharField(_("how it was paid"), max_length=20, choices=PaymentMethod.choices)
    paid_on = models.DateField(_("date paid"))
    status = models.CharField(
        max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.AWAITING
    )
    recorded_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # A photo of the receipt (re-encoded, so no location is kept) or a PDF.
    receipt = models.FileField(_("receipt"), upload_to=_receipt_path, blank=True)
    receipt_type = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-paid_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="payment_above_zero"),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("recorded_by")),
                name="payment_approved_by_someone_else",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "paid_on"])]

    @property
    def amount(self) -> str:
        return f"{self.amount_pence / 100:.2f}"
