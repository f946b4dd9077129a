"""The page that waits for a prepared file, the download, and trying again."""

from __future__ import annotations

import re
from typing import cast

from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coproduce.core.downloads import builder_for
from coproduce.core.downloads.selectors import get_prepared_for
from coproduce.core.downloads.services import discard, file_retry
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.models import PreparedFile
from coproduce.core.pages import private_file

# Seconds between the waiting page's quiet looks at itself (core/prepared-file.js).
REFRESH_SECONDS = 3

# What kind of file a person gets, named on the download button: "(PDF, 240 KB)".
FILE_TYPES = {
    "application/pdf": gettext_lazy("PDF"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": gettext_lazy(
        "spreadsheet, XLSX"
    ),
    "text/csv": gettext_lazy("spreadsheet, CSV"),
    "application/zip": gettext_lazy("ZIP"),
    "application/json": gettext_lazy("JSON"),
}
# A builder's title names its type in brackets ("Monitoring report (PDF)"); the button
# names the type and size itself, from the file that was made.
_TYPE_IN_TITLE = re.compile(r"\s*\([^()]*\)\s*$")


def file_type(content_type: str) -> str:
    """The kind of file, in words, from its content type ("PDF", "spreadsheet, XLSX")."""
    label = FILE_TYPES.get(content_type.split(";")[0].strip().lower())
    return str(label) if label is not None else _("file")


def file_size(prepared: PreparedFile) -> int | None:
    """The stored file's size in bytes, or None if the storage cannot say."""
    try:
        return int(prepared.file.size) if prepared.file else None
    except OSError:
        return None


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
    ready = prepared.status == PreparedFile.Status.READY
    response = render(
        request,
        "core/prepared_file.html",
        {
            "title": titles[PreparedFile.Status(prepared.status)],
            "file": prepared,
            "name": name,
            "short_name": _TYPE_IN_TITLE.sub("", str(name)) or name,
            "file_type": file_type(prepared.content_type) if ready else "",
            "size": file_size(prepared) if ready else None,
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
