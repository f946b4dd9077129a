from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from coproduce.audit.selectors import audit_events_for
from coproduce.core.http import MemberRequest, member_required


@member_required("view_audit")
def events(request: MemberRequest) -> HttpResponse:
    page = Paginator(audit_events_for(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "audit/events.html", {"title": _("Audit trail"), "page": page})
