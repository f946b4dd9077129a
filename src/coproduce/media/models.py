"""Photos, films and quotes, with the young people who can be identified in them.

Files live under MEDIA_ROOT, which has no public URL: they go out only through a view
that checks permission. Photos are re-encoded on upload so no EXIF (GPS included) is kept.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class Kind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    FILM = "film", _("Film")
    QUOTE = "quote", _("Quote")


def _private_path(instance: MediaItem, filename: str) -> str:
    # A random name: the uploaded file's name may hold a child's name.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/{instance.organisation_id}/{uuid.uuid4().hex}.{extension}"


class MediaItem(TenantModel):
    kind = models.CharField(_("what it is"), max_length=10, choices=Kind.choices)
    caption = models.CharField(_("caption"), max_length=300)
    file = models.FileField(upload_to=_private_path, blank=True)
    content_type = models.CharField(max_length=60, blank=True)
    quote_text = models.TextField(_("the quote"), blank=True)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    session = models.ForeignKey(
        "projects.Session", on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    idea = models.ForeignKey(
        "projects.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    people = models.ManyToManyField(
        "organisations.Membership",
        blank=True,
        related_name="media_items",
        verbose_name=_("young people who can be identified"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # A young person's own photo or quote waits for staff (and the consent rules) before it
    # appears anywhere; what staff add is approved as they add it.
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False)
                | Q(session__isnull=False)
                | Q(idea__isnull=False),
                name="media_attached",
            ),
            models.CheckConstraint(
                condition=(Q(kind="quote") & ~Q(quote_text="")) | (~Q(kind="quote") & ~Q(file="")),
                name="media_has_content",
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(approved_by__isnull=False),
                name="media_approved_by_someone",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation"],
                condition=Q(approved_at__isnull=True),
                name="media_waiting_approval",
            )
        ]

    def __str__(self) -> str:
        return self.caption

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def consent_use(self) -> str:
        """The consent each identifiable young person needs before this is published."""
        return self.kind  # photo → photo, film → film, quote → quote (consent.Use values)
