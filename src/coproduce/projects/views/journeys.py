"""Pages for a young person's journey up the participation ladder."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.organisations.selectors import get_person_for
from coproduce.projects import selectors as sel


@member_required("staff")
def journey(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    steps = sel.journey_of(membership=person)
    return render(
        request,
        "projects/journey.html",
        {
            "title": _("%(name)s's journey") % {"name": person.user.display_name},
            "person": person,
            "steps": steps,
            "warnings": sel.journey_warnings(steps),
        },
    )


@member_required("young_person")
def my_journey(request: MemberRequest) -> HttpResponse:
    steps = sel.journey_of(membership=request.membership)
    return render(
        request,
        "projects/journey.html",
        {
            "title": _("My journey"),
            "person": request.membership,
            "steps": steps,
            "warnings": sel.journey_warnings(steps),
            "mine": True,
        },
    )
