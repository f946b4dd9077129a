"""Concerns: record one; the lead's list, a concern, acknowledge, act, close; chronology."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for, young_people_for
from coproduce.safeguarding import selectors as sel
from coproduce.safeguarding import services
from coproduce.safeguarding.forms import ActionForm, CloseForm, ConcernForm
from coproduce.safeguarding.views.access import (
    audit_concern_view,
    read_concern,
    staff_only,
    team_only,
)


@member_required("member")
def index(request: MemberRequest) -> HttpResponse:
    staff_only(request)
    viewer = request.membership
    team = sel.is_safeguarding_team(viewer)
    hours = sel.settings_for(organisation=request.organisation).acknowledge_within_hours
    concerns = (
        sel.concerns_for_team(viewer=viewer) if team else sel.concerns_reported_by(reporter=viewer)
    )
    page = Paginator(concerns.select_related("reported_by__user"), 25).get_page(
        request.GET.get("page")
    )
    now = timezone.now()
    rows = [
        (c, c.acknowledged_at is None and sel.acknowledge_due(c, hours=hours) < now) for c in page
    ]
    return render(
        request,
        "safeguarding/index.html",
        {
            "title": _("Safeguarding"),
            "team": team,
            "rows": rows,
            "page": page,
            "can_manage": viewer.can("manage_organisation"),
            "can_checklist": viewer.can("sign_off_trips"),
        },
    )


@member_required("member")
def new(request: MemberRequest) -> HttpResponse:
    staff_only(request)
    people = young_people_for(organisation=request.organisation).select_related("user")
    form = ConcernForm(request.POST or None, young_people=people)
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.concern_record(
                acting_user=request.user,
                reporter=request.membership,
                young_person=form.cleaned_data["young_person"],
                happened_at=form.happened_at(),
                what_happened=form.cleaned_data["what_happened"],
                their_words=form.cleaned_data["their_words"],
                others_present=form.cleaned_data["others_present"],
                immediate_action=form.cleaned_data["immediate_action"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Concern recorded. The safeguarding lead has been told."))
            return redirect("safeguarding:concern", concern_id=concern.pk)
    return form_page(
        request,
        form=form,
        title=_("Record a safeguarding concern"),
        intro=_(
            "If a young person is in immediate danger, call 999 first. Only the safeguarding "
            "lead and their deputies will read this."
        ),
        submit_text=_("Send to the safeguarding lead"),
        back_url=reverse("safeguarding:index"),
    )


@member_required("member")
def concern(request: MemberRequest, concern_id: int) -> HttpResponse:
    found = read_concern(request, concern_id, page="concern")
    return render(
        request,
        "safeguarding/concern.html",
        {
            "title": _("Safeguarding concern"),
            "concern": found.concern,
            "full": found.full,
            "actions": sel.actions_of(found.concern) if found.full else [],
        },
    )


@member_required("member")
def acknowledge(request: MemberRequest, concern_id: int) -> HttpResponse:
    if request.method != "POST":  # 404, not 405: a concern's addresses say nothing
        raise Http404
    found = read_concern(request, concern_id, page="acknowledge")
    if not found.full:
        raise Http404
    services.concern_acknowledge(
        acting_user=request.user, lead=request.membership, concern=found.concern
    )
    messages.success(request, _("Concern acknowledged."))
    return redirect("safeguarding:concern", concern_id=concern_id)


@member_required("member")
def action_add(request: MemberRequest, concern_id: int) -> HttpResponse:
    found = read_concern(request, concern_id, page="action")
    if not found.full:
        raise Http404
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.concern_action_record(
                acting_user=request.user,
                lead=request.membership,
                concern=found.concern,
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("safeguarding:concern", concern_id=concern_id)
    return form_page(
        request,
        form=form,
        title=_("Record a decision or action"),
        caption=found.concern.young_person_name,
        submit_text=_("Record it"),
        back_url=reverse("safeguarding:concern", args=[concern_id]),
    )


@member_required("member")
def close(request: MemberRequest, concern_id: int) -> HttpResponse:
    found = read_concern(request, concern_id, page="close")
    if not found.full:
        raise Http404
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.concern_close(
                acting_user=request.user,
                lead=request.membership,
                concern=found.concern,
                reason=form.cleaned_data["close_reason"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Concern closed."))
            return redirect("safeguarding:concern", concern_id=concern_id)
    return form_page(
        request,
        form=form,
        title=_("Close this concern"),
        caption=found.concern.young_person_name,
        submit_text=_("Close the concern"),
        back_url=reverse("safeguarding:concern", args=[concern_id]),
    )


@member_required("member")
def chronology(request: MemberRequest, membership_id: int) -> HttpResponse:
    staff_only(request)
    team_only(request)
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    entries = sel.chronology(viewer=request.membership, young_person=person)
    for concern_ in {e.concern.pk: e.concern for e in entries}.values():
        audit_concern_view(request, concern_, page="chronology")
    return render(
        request,
        "safeguarding/chronology.html",
        {"title": _("Safeguarding chronology"), "person": person, "entries": entries},
    )
