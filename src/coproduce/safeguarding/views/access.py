"""Who may open a safeguarding page. Anyone else gets 404: a page that might hold a concern
does not even say it exists."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404

from coproduce.audit.services import audit_record
from coproduce.core.http import MemberRequest
from coproduce.safeguarding.models import Concern
from coproduce.safeguarding.selectors import ConcernView, concern_for_reader, is_safeguarding_team


def staff_only(request: MemberRequest) -> None:
    if not request.membership.can("record_concerns"):
        raise Http404


def team_only(request: MemberRequest) -> None:
    if not is_safeguarding_team(request.membership):
        raise Http404


def read_concern(request: MemberRequest, concern_id: int, *, page: str) -> ConcernView:
    """The concern for someone allowed to read it, with the read audited."""
    staff_only(request)
    found = concern_for_reader(viewer=request.membership, pk=concern_id)
    audit_concern_view(request, found.concern, page=page)
    return found


def audit_concern_view(request: MemberRequest, concern: Concern, *, page: str) -> None:
    with transaction.atomic():
        audit_record(
            acting_user=request.user,
            organisation=request.organisation,
            verb="safeguarding.concern.view",
            target=concern,
            details={"page": page},
        )
