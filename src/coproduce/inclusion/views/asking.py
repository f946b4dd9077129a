"""Who to invite next: the young people asked least, with the under-13s flagged and kept in."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.inclusion import selectors
from coproduce.inclusion.forms import WhoToAskForm
from coproduce.projects.selectors import young_people_who_came

LIMIT = 20


@member_required("staff")
def who_to_ask(request: MemberRequest) -> HttpResponse:
    form = WhoToAskForm(request.GET or None, organisation=request.organisation)
    project = form.cleaned_data["project"] if form.is_bound and form.is_valid() else None
    leave_out = [m.pk for m in young_people_who_came(project=project)] if project else []
    return render(
        request,
        "inclusion/who_to_ask.html",
        {
            "title": _("Who to invite next"),
            "form": form,
            "project": project,
            "suggestions": selectors.least_asked(
                organisation=request.organisation, leave_out=leave_out, limit=LIMIT
            ),
            "limits": selectors.settings_for(organisation=request.organisation),
        },
    )
