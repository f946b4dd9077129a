"""Asking for a file, making it in the worker, trying again, and clearing old files."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme

from coproduce.core.models import PreparedFile
from coproduce.core.tenancy import all_organisations, organisation_scope

if TYPE_CHECKING:
    from django.http import HttpResponse

    from coproduce.accounts.models import User
    from coproduce.core.http import MemberRequest
    from coproduce.organisations.models import Organisation

logger = logging.getLogger(__name__)


def keep_for() -> datetime.timedelta:
    """How long a prepared file is kept (PREPARED_FILE_HOURS, default a day)."""
    return datetime.timedelta(hours=getattr(settings, "PREPARED_FILE_HOURS", 24))


def _enqueue(prepared: PreparedFile) -> None:
    from coproduce.core.downloads.tasks import build_prepared_file

    build_prepared_file.enqueue(prepared.pk)


def file_prepare(
    *,
    acting_user: User,
    organisation: Organisation,
    kind: str,
    params: dict[str, Any],
    back_url: str = "",
) -> PreparedFile:
    """Queue a file for the worker. The caller has checked that `acting_user` may have it.

    Asking again while the same file is still being made gives back the one in the queue.
    """
    from coproduce.core.downloads import builder_for

    if builder_for(kind) is None:
        raise ValueError(f"No builder is registered for {kind!r}")
    if not url_has_allowed_host_and_scheme(back_url, allowed_hosts=None):
        back_url = ""
    now = timezone.now()
    with transaction.atomic():
        waiting = PreparedFile.objects.filter(
            organisation=organisation,
            requester_id=acting_user.pk,
            kind=kind,
            params=params,
            status=PreparedFile.Status.QUEUED,
            expires_at__gt=now,
        ).first()
        if waiting is not None:
            return waiting
        prepared = PreparedFile(
            organisation=organisation,
            requester_id=acting_user.pk,
            kind=kind,
            params=params,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            back_url=back_url,
            expires_at=now + keep_for(),
        )
        prepared.full_clean()
        prepared.save()
        _enqueue(prepared)
    return prepared


def prepare_response(
    request: MemberRequest, *, kind: str, params: dict[str, Any], back_url: str = ""
) -> HttpResponse:
    """Queue the file and send the person to the page that waits for it."""
    prepared = file_prepare(
        acting_user=request.user,
        organisation=request.organisation,
        kind=kind,
        params=params,
        back_url=back_url,
    )
    return redirect("core:prepared_file", prepared_file_id=prepared.pk)


def file_retry(*, acting_user: User, prepared: PreparedFile) -> PreparedFile:
    """Try a failed file again (the person who asked pressed the button)."""
    if prepared.requester_id != acting_user.pk:
        raise PermissionError("Only the person who asked for a file can ask again")
    if prepared.status != PreparedFile.Status.FAILED:
        return prepared
    with transaction.atomic():
        prepared.status = PreparedFile.Status.QUEUED
        prepared.error = ""
        prepared.expires_at = timezone.now() + keep_for()
        prepared.full_clean()
        prepared.save(update_fields=["status", "error", "expires_at"])
        _enqueue(prepared)
    return prepared


def build(prepared_file_id: int) -> str:
    """Make one queued file (the worker's task). Returns what happened."""
    from coproduce.core.downloads import builder_for

    clear_expired()
    with all_organisations():
        prepared = PreparedFile.objects.filter(pk=prepared_file_id).first()
    if prepared is None or prepared.status != PreparedFile.Status.QUEUED:
        return "skipped"
    builder = builder_for(prepared.kind)
    prepared.attempts += 1
    try:
        if builder is None:
            raise LookupError(f"No builder is registered for {prepared.kind!r}")
        with (
            organisation_scope(prepared.organisation_id),
            translation.override(prepared.language or settings.LANGUAGE_CODE),
        ):
            built = builder.build(prepared.organisation, dict(prepared.params))
    except Exception as error:
        logger.exception("Could not prepare %s #%s", prepared.kind, prepared.pk)
        prepared.status = PreparedFile.Status.FAILED
        prepared.error = type(error).__name__[:300]
        prepared.finished_at = timezone.now()
        with all_organisations():
            prepared.save(update_fields=["status", "error", "attempts", "finished_at"])
        return "failed"
    prepared.filename = built.filename[:200]
    prepared.content_type = built.content_type
    prepared.inline = built.inline
    prepared.file.save(built.filename, ContentFile(built.content), save=False)
    prepared.status = PreparedFile.Status.READY
    prepared.finished_at = timezone.now()
    with all_organisations():
        prepared.save()
    return "ready"


def discard(prepared: PreparedFile) -> None:
    """Delete the stored file and its record."""
    if prepared.file:
        prepared.file.delete(save=False)
    prepared.delete()


def clear_expired(*, dry_run: bool = False, now: datetime.datetime | None = None) -> int:
    """Delete every prepared file past its expiry. Safe to run twice."""
    now = now or timezone.now()
    with all_organisations():
        expired = list(PreparedFile.objects.filter(expires_at__lte=now))
        if not dry_run:
            for prepared in expired:
                discard(prepared)
    return len(expired)
