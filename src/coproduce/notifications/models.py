"""In-app messages (and their e-mail copies) to one person.

`dedupe_key` makes reminders idempotent: a scheduled command can run twice and a
person still gets one message per event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduce.core.tenancy import TenantModel


class Notification(TenantModel):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # Rendered in the recipient's language when created.
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=60)
    dedupe_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "recipient", "dedupe_key"], name="notification_once"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class EmailFailure(TenantModel):
    """One failed attempt to e-mail a notification, shown to staff.

    The address is stored masked ("a***@example.org"): enough to recognise, not to reuse.
    """

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="email_failures"
    )
    address = models.CharField(max_length=254)
    reason = models.CharField(max_length=300)
    attempt = models.PositiveSmallIntegerField()
    will_retry = models.BooleanField()
    failed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-failed_at", "-id"]
        indexes = [models.Index(fields=["organisation", "failed_at"])]

    def __str__(self) -> str:
        return f"{self.address}: {self.reason}"
