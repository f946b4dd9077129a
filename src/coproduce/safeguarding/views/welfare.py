"""Welfare information about one young person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.audit.services import record_view
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for
from coproduce.safeguarding import selectors as sel
from coproduce.safeguarding import services
from coproduce.safeguarding.forms import WelfareForm
from coproduce.safeguarding.models import WelfareInfo
from coproduce.safeguarding.views.access import staff_only

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


def _allowed(request: MemberRequest, membership_id: int) -> tuple[Membership, WelfareInfo | None]:
    staff_only(request)
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    if not person.is_young_person:
        raise Http404
    info = sel.welfare_of(person)
    running = sel.runs_a_session_with(request.membership, person)
    if not sel.may_see_welfare(request.membership, info, running=running):
        raise Http404
    return person, info


@member_required("member")
def welfare(request: MemberRequest, membership_id: int) -> HttpResponse:
    person, info = _allowed(request, membership_id)
    record_view(
        viewer=request.user, organisation=request.organisation, person=person, page="welfare"
    )
    return render(
        request,
        "safeguarding/welfare.html",
        {"title": _("Welfare information"), "person": person, "info": info},
    )


@member_required("member")
def welfare_edit(request: MemberRequest, membership_id: int) -> HttpResponse:
    person, info = _allowed(request, membership_id)
    initial = (
        {name: getattr(info, name) for name in (*WelfareInfo.PERSONAL_FIELDS, "visible_to")}
        if info
        else None
    )
    form = WelfareForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.welfare_set(
                acting_user=request.user,
                editor=request.membership,
                young_person=person,
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Welfare information saved."))
            return redirect("safeguarding:welfare", membership_id=person.pk)
    return form_page(
        request,
        form=form,
        title=_("Welfare information"),
        caption=person.user.display_name,
        submit_text=_("Save"),
        back_url=reverse("safeguarding:welfare", args=[person.pk]),
    )
