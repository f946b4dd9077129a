"""The page that waits for a prepared file, the download, and trying again."""

from __future__ import annotations

from typing import cast

from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.core.downloads import builder_for
from coproduce.core.downloads.selectors import get_prepared_for
from coproduce.core.downloads.services import discard, file_retry
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.models import PreparedFile
from coproduce.core.pages import private_file

# Seconds between the waiting page's own refreshes (a <meta> refresh: no script, CSP).
REFRESH_SECONDS = 3


def _fetch(request: MemberRequest, prepared_file_id: int) -> PreparedFile:
    prepared = get_prepared_for(
        organisation=request.organisation, requester=request.user, pk=prepared_file_id
    )
    if prepared.expires_at <= timezone.now():
        discard(prepared)
        raise Http404
    return prepared


@member_required()
def status(request: MemberRequest, prepared_file_id: int) -> HttpResponse:
    prepared = _fetch(request, prepared_file_id)
    builder = builder_for(prepared.kind)
    name = builder.title if builder else _("Your file")
    titles = {
        PreparedFile.Status.QUEUED: _("Your file is being prepared"),
        PreparedFile.Status.READY: _("Your file is ready"),
        PreparedFile.Status.FAILED: _("We could not prepare your file"),
    }
    response = render(
        request,
        "core/prepared_file.html",
        {
            "title": titles[PreparedFile.Status(prepared.status)],
            "file": prepared,
            "name": name,
            "refresh": REFRESH_SECONDS if prepared.status == PreparedFile.Status.QUEUED else None,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@member_required()
def download(request: MemberRequest, prepared_file_id: int) -> HttpResponse:
    prepared = _fetch(request, prepared_file_id)
    if prepared.status != PreparedFile.Status.READY or not prepared.file:
        return redirect("core:prepared_file", prepared_file_id=prepared.pk)
    sent: HttpResponseBase = private_file(
        prepared.file,
        filename=prepared.filename,
        content_type=prepared.content_type,
        inline=prepared.inline,
        request=request,
    )
    # Streamed (or a redirect to the bucket): member_required's View type says HttpResponse.
    return cast("HttpResponse", sent)


@require_POST
@member_required()
def retry(request: MemberRequest, prepared_file_id: int) -> HttpResponse:
    prepared = _fetch(request, prepared_file_id)
    file_retry(acting_user=request.user, prepared=prepared)
    return redirect("core:prepared_file", prepared_file_id=prepared.pk)
