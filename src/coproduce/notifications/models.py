"""In-app messages (and their e-mail copies) to one person.

`dedupe_key` makes reminders idempotent: a scheduled command can run twice and a
person still gets one message per event.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


class MessageSettings(TenantModel):
    """How one organisation sends e-mail and text messages (one row; defaults until saved).

    The Notify API key is stored encrypted with the field-encryption keys (accounts.keys);
    blank template ids mean the product's default templates (settings.NOTIFY_*_TEMPLATE_ID).
    `kind_templates` may name a template for one kind of message and channel,
    {"session_reminder": {"sms": "<template id>"}}; a kind without one uses the channel's.
    """

    notify_api_key_encrypted = models.TextField(blank=True)
    email_template_id = models.CharField(_("e-mail template ID"), max_length=36, blank=True)
    sms_template_id = models.CharField(_("text message template ID"), max_length=36, blank=True)
    kind_templates = models.JSONField(
        _("templates for one kind of message"), default=dict, blank=True
    )
    quiet_from = models.TimeField(_("no texts to under-18s from"), default=datetime.time(21, 0))
    quiet_until = models.TimeField(_("until"), default=datetime.time(8, 0))
    send_session_invitations = models.BooleanField(_("session invitations"), default=True)
    send_session_reminders = models.BooleanField(
        _("text reminders the day before a session"), default=True
    )
    send_idea_news = models.BooleanField(_("news about a young person's idea"), default=True)
    send_credits = models.BooleanField(_("credits earned and milestones"), default=True)
    send_staff_digest = models.BooleanField(_("weekly digest for staff"), default=True)
    send_consent_requests = models.BooleanField(
        _("consent requests to parents and carers"), default=True
    )
    send_assessments_waiting = models.BooleanField(
        _("a check-in or self-assessment waiting for a young person"), default=True
    )
    send_panel_briefings = models.BooleanField(_("panel briefings"), default=True)
    send_rounds_due = models.BooleanField(_("self-assessment rounds due"), default=True)
    send_panel_ready = models.BooleanField(_("a panel ready to moderate"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="message_settings_once")
        ]

    def __str__(self) -> str:
        return f"Message settings of {self.organisation_id}"


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("Text message")
    NONE = "none", _("Neither")


class ContactPreference(TenantModel):
    """How a person wants to hear from us, and their mobile number for texts."""

    membership = models.OneToOneField(
        "organisations.Membership", on_delete=models.CASCADE, related_name="contact_preference"
    )
    channel = models.CharField(
        _("how should we contact you?"), max_length=10, choices=Channel.choices, default="email"
    )
    mobile = models.CharField(_("mobile phone number"), max_length=20, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    PERSONAL_FIELDS = ("mobile",)

    def __str__(self) -> str:
        return f"{self.membership_id}: {self.channel}"


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued")
    HELD = "held", _("Waiting for the morning")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    UNREACHABLE = "unreachable", _("No contact details")


class Message(TenantModel):
    """One e-mail or text message to one person, with what became of it.

    `dedupe_key` with the recipient and channel is unique: a scheduled command can run twice
    and the person still gets one message per event. `reason` says a failure in plain words.
    This is the one list staff see: the e-mail copies of in-app notifications are Messages
    too (kind "notice"), and the failures once kept apart (EmailFailure) were moved here.
    """

    recipient = models.ForeignKey(
        "organisations.Membership", on_delete=models.CASCADE, related_name="messages"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    kind = models.CharField(max_length=40)
    dedupe_key = models.CharField(max_length=200)
    to = models.CharField(max_length=254, blank=True)  # masked: "f***@example.org", "*******123"
    # Only for someone who is not a member (a parent): where to send it. Members' addresses
    # are read from their account when the message goes.
    contact_address = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    reason = models.CharField(max_length=300, blank=True)
    provider_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    send_after = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "recipient", "channel", "dedupe_key"],
                name="message_once",
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["status", "provider_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.recipient_id} by {self.channel}: {self.status}"
