"""People who sign in. A person's place in an organisation is a Membership."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class User(AbstractUser):
    # Young people often have no e-mail address; staff usually do.
    email = models.EmailField(_("email address"), blank=True)
    preferred_name = models.CharField(_("preferred name"), max_length=150, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # Blank until they choose: then their organisation's default language applies.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    must_set_password = models.BooleanField(default=False)

    class Meta:
        # People lists sort by name (Membership.Meta.ordering): a council's first page of
        # 20,000 young people reads this index instead of sorting them all.
        indexes = [models.Index(fields=["first_name", "last_name", "id"], name="user_by_name")]

    # Fields that identify a person: the audit trail records that they changed, never values.
    PERSONAL_FIELDS = ("first_name", "last_name", "preferred_name", "email", "date_of_birth")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.get_full_name() or self.username

    @property
    def greeting_name(self) -> str:
        """What a page calls someone to their face: the name they go by, never a full name."""
        return self.preferred_name or self.first_name or self.username

    def age_on(self, day: object) -> int | None:
        from datetime import date

        if self.date_of_birth is None or not isinstance(day, date):
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


class SignInCode(TenantModel):
    """A one-time code a practitioner hands to a young person who has no e-mail."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_codes")
    code_hash = models.CharField(max_length=128, unique=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "used_at"])]

    def is_usable(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return self.used_at is None and self.expires_at > moment  # type: ignore[operator]


class ApiToken(TenantModel):
    """A bearer token for the JSON API, held by a member of staff."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=128, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
