"""Safeguarding: concerns to the Designated Safeguarding Lead, welfare information, trip risk.

Need to know: a concern is read only by the organisation's Designated Safeguarding Lead, their
deputies and (what they wrote themselves) its reporter; every read goes through
`coproduce.safeguarding.selectors`, which checks, and is audited. Nothing outside this app
imports these models (import-linter: protected and forbidden contracts).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel

DEFAULT_ACKNOWLEDGE_HOURS = 24
# Kept 25 years after a concern is closed: past any child's 25th birthday (IRMS guidance
# for child protection records). Documented in docs/security.md.
DEFAULT_RETENTION_YEARS = 25
DEFAULT_YOUNG_PEOPLE_PER_STAFF = 8


class SafeguardingSettings(TenantModel):
    acknowledge_within_hours = models.PositiveSmallIntegerField(
        _("hours the lead has to acknowledge a concern"), default=DEFAULT_ACKNOWLEDGE_HOURS
    )
    retention_years = models.PositiveSmallIntegerField(
        _("years to keep safeguarding records after a concern is closed"),
        default=DEFAULT_RETENTION_YEARS,
    )
    young_people_per_staff = models.PositiveSmallIntegerField(
        _("most young people per member of staff on a session or trip"),
        default=DEFAULT_YOUNG_PEOPLE_PER_STAFF,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="safeguarding_settings_once"),
            models.CheckConstraint(
                condition=Q(acknowledge_within_hours__gte=1)
                & Q(retention_years__gte=1)
                & Q(young_people_per_staff__gte=1),
                name="safeguarding_settings_sensible",
            ),
        ]


class SafeguardingRole(TenantModel):
    """The organisation's Designated Safeguarding Lead (one) and their deputies."""

    membership = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    is_lead = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership"], name="safeguarding_role_once"),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(is_lead=True), name="safeguarding_one_lead"
            ),
        ]


class Concern(TenantModel):
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    # The name when recorded: the record stays readable for the lead after erasure.
    young_person_name = models.CharField(max_length=200)
    reported_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    happened_at = models.DateTimeField(_("when it happened"))
    what_happened = models.TextField(_("what you saw or heard"))
    their_words = models.TextField(_("their own words, if they told you something"), blank=True)
    others_present = models.CharField(_("who else was there"), max_length=500, blank=True)
    immediate_action = models.TextField(_("what you did straight away"), blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    close_reason = models.TextField(_("why it is closed"), blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "acknowledged_at"]),
            models.Index(fields=["young_person", "recorded_at"]),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk}"


class ActionKind(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", _("No further action")
    EARLY_HELP = "early_help", _("Early help")
    CHILDRENS_SERVICES = "childrens_services", _("Referral to children's services")
    POLICE = "police", _("Referral to the police")
    OTHER = "other", _("Something else")


class ConcernAction(TenantModel):
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(_("decision or action"), max_length=30, choices=ActionKind.choices)
    taken_on = models.DateField(_("date"))
    reference = models.CharField(_("reference number"), max_length=100, blank=True)
    details = models.TextField(_("what was decided or done"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["taken_on", "recorded_at", "id"]


class WelfareVisibility(models.TextChoices):
    SESSION_STAFF = "session_staff", _("Staff running a session they are on")
    MANAGERS = "managers", _("Managers and the safeguarding lead only")


class WelfareInfo(TenantModel):
    young_person = models.OneToOneField(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )
    emergency_contacts = models.TextField(_("emergency contacts"), blank=True)
    medical_conditions = models.TextField(_("medical conditions and medication"), blank=True)
    allergies = models.TextField(_("allergies"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    visible_to = models.CharField(
        _("who may see this"),
        max_length=20,
        choices=WelfareVisibility.choices,
        default=WelfareVisibility.SESSION_STAFF,
    )
    updated_at = models.DateTimeField(default=timezone.now)

    PERSONAL_FIELDS = (
        "emergency_contacts",
        "medical_conditions",
        "allergies",
        "dietary_needs",
        "access_needs",
    )


class SessionStaff(TenantModel):
    """A member of staff running a session: they see the welfare information of the young
    people on its register and print its session sheet."""

    session = models.ForeignKey("projects.Session", on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="session_staff_once")
        ]
        indexes = [models.Index(fields=["organisation", "member"])]


class ChecklistItem(TenantModel):
    """One question of the organisation's risk-assessment checklist."""

    text = models.CharField(_("checklist item"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class RiskAssessment(TenantModel):
    session = models.OneToOneField("projects.Session", on_delete=models.PROTECT, related_name="+")
    is_trip = models.BooleanField(_("this is a trip away from our usual place"), default=False)
    staff = models.ManyToManyField("organisations.Membership", related_name="+", blank=True)
    signed_off_by = models.ForeignKey(
        "organisations.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ready_at__isnull=True) | Q(signed_off_at__isnull=False),
                name="risk_ready_only_when_signed_off",
            )
        ]


class RiskCheck(TenantModel):
    assessment = models.ForeignKey(RiskAssessment, on_delete=models.CASCADE, related_name="checks")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    controls = models.TextField(_("risks and what we will do about them"), blank=True)
    done = models.BooleanField(_("checked"), default=False)

    class Meta:
        ordering = ["position", "id"]
