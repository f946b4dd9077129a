"""Sessions that say whose they are (see coproduce.core.sessions), and files the worker
prepares (see coproduce.core.downloads)."""

from __future__ import annotations

import uuid

from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.core.tenancy import TenantModel


class UserSession(AbstractBaseSession):
    """Django's session row plus the signed-in user's id, indexed, so one person's sessions
    are found without decoding everyone's (erasure, signing out everywhere)."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    class Meta:
        db_table = "core_user_session"


def _prepared_path(instance: PreparedFile, filename: str) -> str:
    # Never served directly: only the download view sends it, to the person who asked.
    return f"prepared/{instance.organisation_id}/{uuid.uuid4().hex}/{filename}"


class PreparedFile(TenantModel):
    """A big export or PDF made by `coproduce worker` for the person who asked for it.

    The owning app registers a builder for each `kind` (see `coproduce.core.downloads`);
    the file is kept in private storage until `expires_at`, then deleted.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    # The user's id, not a foreign key: `core` depends on no app.
    requester_id = models.BigIntegerField(db_index=True)
    kind = models.CharField(max_length=80)
    params = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=10, blank=True)
    back_url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to=_prepared_path, max_length=300, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    inline = models.BooleanField(default=False)
    # What went wrong, for staff: the kind of error only (details go to the logs).
    error = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "requester_id", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"
