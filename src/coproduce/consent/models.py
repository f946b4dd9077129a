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

# What each use means, in plain words, for the parent or carer asked about it.
MEANING = {
    Use.PHOTO: _(
        "We may use photos where your child can be recognised: in our newsletter, on our "
        "website, on social media and on the board that shows what young people changed."
    ),
    Use.FILM: _("We may use videos where your child can be seen or heard, in the same places."),
    Use.QUOTE: _(
        "We may use things your child said or wrote, in their own words, without their name "
        "unless you also agree to that."
    ),
    Use.NAME: _("We may print your child's name next to their work, words or photo."),
    Use.COMMISSIONERS: _(
        "We may tell the people who pay for our service what your child took part in, to show "
        "what young people achieved."
    ),
}

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
    # Given online by a parent or carer through this link (None when staff typed it in).
    request = models.ForeignKey(
        "consent.ConsentRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
    )

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


class RequestStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    OPENED = "opened", _("Opened")
    ANSWERED = "answered", _("Answered")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Replaced by a new link")


class ConsentRequest(TenantModel):
    """A link a parent or carer (or, for a child in care, the person with delegated authority)
    opens to give or refuse each use of a child's images and words, and later to withdraw.

    Only a hash of the link's secret is stored; the link works until `expires_at` (to answer)
    and, once answered, until the consent it gave runs out (to look at and withdraw).
    """

    young_person = models.ForeignKey(
        "organisations.Membership", on_delete=models.PROTECT, related_name="consent_requests"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    recipient_name = models.CharField(_("their name"), max_length=200)
    relationship = models.CharField(_("their relationship to the young person"), max_length=100)
    email = models.EmailField(_("their e-mail address"), blank=True)
    # The language they read: their e-mail and the pages their link opens are written in it.
    language = models.CharField(
        _("the language they read"), max_length=10, choices=settings.LANGUAGES, default="en-gb"
    )
    delegated_authority = models.BooleanField(default=False)
    consent_until = models.DateField(_("consent lasts until"))
    expires_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    emailed_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # The typed signature, and where it came from.
    signed_name = models.CharField(max_length=200, blank=True)
    signed_relationship = models.CharField(max_length=100, blank=True)
    signed_ip = models.GenericIPAddressField(null=True, blank=True)
    # What was asked and answered: {"photo": true, "film": false, ...}.
    answers = models.JSONField(default=dict, blank=True)

    PERSONAL_FIELDS = (
        "recipient_name",
        "relationship",
        "email",
        "signed_name",
        "signed_relationship",
        "signed_ip",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "young_person"])]
