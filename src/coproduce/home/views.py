from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.core.dashboard import dashboard_panels
from coproduce.core.http import MemberRequest, member_required
from coproduce.organisations.middleware import SESSION_ORGANISATION_KEY
from coproduce.organisations.selectors import memberships_of


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "home/welcome.html", {"title": _("Co-produce with young people")})
    membership = getattr(request, "membership", None)
    if membership is None:
        return render(
            request, "home/no_membership.html", {"title": _("You are not in an organisation yet")}
        )
    template = "home/home_young_person.html" if membership.is_young_person else "home/home.html"
    return render(
        request,
        template,
        {
            "title": _("Home"),
            "panels": dashboard_panels(request),
            "other_memberships": [
                m
                for m in getattr(request, "memberships", None) or memberships_of(request.user)
                if m.pk != membership.pk
            ],
        },
    )


@require_POST
@member_required()
def switch_organisation(request: MemberRequest) -> HttpResponse:
    wanted = request.POST.get("organisation", "")
    for membership in memberships_of(request.user):
        if str(membership.organisation_id) == wanted:
            request.session[SESSION_ORGANISATION_KEY] = membership.organisation_id
            messages.success(
                request,
                _("You are now working in %(name)s.") % {"name": membership.organisation.name},
            )
            break
    return redirect("home")
