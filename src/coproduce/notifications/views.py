from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.core.http import MemberRequest, member_required
from coproduce.notifications.selectors import email_failures_for, notifications_for
from coproduce.notifications.services import notifications_mark_read


@member_required()
def inbox(request: MemberRequest) -> HttpResponse:
    page = Paginator(
        notifications_for(recipient=request.user, organisation=request.organisation), 30
    ).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"title": _("Messages"), "page": page})


@require_POST
@member_required()
def mark_read(request: MemberRequest) -> HttpResponse:
    notifications_mark_read(recipient=request.user, organisation=request.organisation)
    return redirect("notifications:inbox")


@member_required("manage_people")
def email_failures(request: MemberRequest) -> HttpResponse:
    page = Paginator(email_failures_for(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/email_failures.html",
        {"title": _("E-mails that could not be sent"), "page": page},
    )
