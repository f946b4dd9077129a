from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel
from coproduce.organisations.roles import Role, has_capability


class Organisation(models.Model):
    """A council, school or charity: the tenant. Every other row belongs to one."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Privacy by default (ICO Children's code 9): commissioners see nothing until an admin says so.
    share_with_commissioners = models.BooleanField(
        _("share aggregate reports with our commissioners"), default=False
    )
    # The language for members who have not chosen one (Welsh Language Standards).
    default_language = models.CharField(
        _("default language"), max_length=10, choices=settings.LANGUAGES, default="en-gb"
    )

    def __str__(self) -> str:
        return self.name


class Service(TenantModel):
    """A team or project inside an organisation (a youth club, a participation team)."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="service_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(TenantModel):
    """A person's place in an organisation, with one role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    services = models.ManyToManyField(Service, blank=True, related_name="members")
    # Looked-after child: shapes consent rules; visible only to staff with a need.
    in_care = models.BooleanField(_("in care"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    # Set when the person's data was erased (UK GDPR): the row stays, anonymous, for statistics.
    erased_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_FIELDS = ("in_care",)

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(in_care=False) | models.Q(role=Role.YOUNG_PERSON),
                name="membership_in_care_only_young_people",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    def can(self, capability: str) -> bool:
        return self.is_active and has_capability(self.role, capability)

    @property
    def is_staff_member(self) -> bool:
        return self.can("staff")

    @property
    def is_young_person(self) -> bool:
        return self.role == Role.YOUNG_PERSON
