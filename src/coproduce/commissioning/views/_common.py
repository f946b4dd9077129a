"""Finding the round a page is about, for every commissioning page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied

from coproduce.commissioning import selectors as sel
from coproduce.core.pages import private_file

if TYPE_CHECKING:
    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

    from coproduce.commissioning.models import Round
    from coproduce.core.http import MemberRequest


def round_for(request: MemberRequest, commissioning_id: int) -> Round:
    return sel.get_round_for(membership=request.membership, pk=commissioning_id)


def runner_round_for(request: MemberRequest, commissioning_id: int) -> Round:
    """A round this person may set up, moderate and decide (a manager, admin or its chair)."""
    round_ = round_for(request, commissioning_id)
    if not sel.can_run_round(round_, request.membership):
        raise PermissionDenied
    return round_


def send_file(field: Any, request: HttpRequest | None = None) -> HttpResponseBase:
    if not field:
        raise PermissionDenied
    return private_file(
        field,
        filename=field.name.rsplit("/", 1)[-1],
        content_type="application/octet-stream",
        request=request,
    )
