"""The consent register: who agreed to what use of a young person's image or words, until when.

Rules (from HeadStart's "All together now", 2018, and UK GDPR / the ICO Children's code):
under 16 on the day → a parent or carer must consent (the young person's own agreement is
recorded too); a young person in care → identifiable photos and film are never publishable;
expired or withdrawn consent counts as none.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class Use(models.TextChoices):
    PHOTO = "photo", _("Photos")
    FILM = "film", _("Film")
    QUOTE = "quote", _("Quotes")
    NAME = "name", _("Name in publications")
    COMMISSIONERS = "commissioners", _("Sharing with commissioners")


IMAGE_USES = {Use.PHOTO, Use.FILM}

# Under this age on the day, a parent or carer must give consent (UK GDPR, Article 8).
PARENTAL_CONSENT_UNDER = 16


class GivenBy(models.TextChoices):
    YOUNG_PERSON = "young_person", _("The young person")
    PARENT = "parent", _("A parent or carer")


class Consent(TenantModel):
    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="consents"
    )
    use = models.CharField(_("use"), max_length=20, choices=Use.choices)
    given_by = models.CharField(_("given by"), max_length=20, choices=GivenBy.choices)
    giver_name = models.CharField(_("parent or carer's name"), max_length=200, blank=True)
    relationship = models.CharField(
        _("relationship to the young person"), max_length=100, blank=True
    )
    young_person_agrees = models.BooleanField(_("the young person agrees too"), default=False)
    given_on = models.DateField(_("date given"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    scope = models.CharField(_("what it covers"), max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(given_by="young_person") | (~Q(giver_name="") & ~Q(relationship="")),
                name="consent_parent_named",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("given_on")),
                name="consent_expires_after_given",
            ),
        ]
        indexes = [models.Index(fields=["young_person", "use"])]


class RetentionPolicy(TenantModel):
    """How long an organisation keeps a young person's personal data after their last activity."""

    years = models.PositiveSmallIntegerField(
        _("years to keep personal data after a young person's last activity"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep data until someone asks for it to be erased."),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="retention_policy_once"),
            models.CheckConstraint(
                condition=Q(years__isnull=True) | Q(years__gte=1), name="retention_at_least_a_year"
            ),
        ]
