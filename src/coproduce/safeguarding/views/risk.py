"""Risk assessment of a session or trip, its sign-off, and the session sheet."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import staff_for
from coproduce.projects.selectors import get_session_for
from coproduce.safeguarding import selectors as sel
from coproduce.safeguarding import services
from coproduce.safeguarding.forms import ChecklistForm, RiskForm, SessionStaffForm
from coproduce.safeguarding.views.access import staff_only


@member_required("member")
def risk(request: MemberRequest, session_id: int) -> HttpResponse:
    staff_only(request)
    session = get_session_for(organisation=request.organisation, pk=session_id)
    assessment = sel.assessment_of(session)
    checks = (
        [(c.pk, c.text, c.controls, c.done) for c in sel.checks_of(assessment)]
        if assessment
        else []
    )
    initial = (
        {"is_trip": assessment.is_trip, "staff": sel.staff_of(assessment)} if assessment else None
    )
    form = RiskForm(
        request.POST or None,
        initial=initial,
        staff=staff_for(organisation=request.organisation),
        checks=checks,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.risk_assessment_save(
                acting_user=request.user,
                session=session,
                is_trip=form.cleaned_data["is_trip"],
                staff=list(form.cleaned_data["staff"]),
                controls=form.controls(),
                done=form.done() if assessment else None,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Risk assessment saved."))
            return redirect("safeguarding:risk", session_id=session.pk)
    ratio = sel.ratio_of(assessment, session=session) if assessment else None
    return form_page(
        request,
        form=form,
        title=_("Risk assessment"),
        caption=str(session),
        submit_text=_("Save the risk assessment"),
        template="safeguarding/risk.html",
        session=session,
        assessment=assessment,
        ratio=ratio,
        checklist=None if assessment else sel.checklist_for(organisation=request.organisation),
        can_sign_off=request.membership.can("sign_off_trips"),
    )


@require_POST
@member_required("member")
def sign_off(request: MemberRequest, session_id: int) -> HttpResponse:
    staff_only(request)
    session = get_session_for(organisation=request.organisation, pk=session_id)
    assessment = sel.assessment_of(session)
    if assessment is None:
        raise Http404
    try:
        services.risk_assessment_sign_off(
            acting_user=request.user, manager=request.membership, assessment=assessment
        )
    except PermissionDenied:
        messages.error(request, _("Only a manager can sign off a risk assessment."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Risk assessment signed off."))
    return redirect("safeguarding:risk", session_id=session.pk)


@require_POST
@member_required("member")
def ready(request: MemberRequest, session_id: int) -> HttpResponse:
    staff_only(request)
    session = get_session_for(organisation=request.organisation, pk=session_id)
    assessment = sel.assessment_of(session)
    if assessment is None:
        raise Http404
    try:
        services.risk_assessment_mark_ready(acting_user=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked ready."))
    return redirect("safeguarding:risk", session_id=session.pk)


@member_required("member")
def sheet(request: MemberRequest, session_id: int) -> HttpResponse:
    """The printable session sheet: who is going and their welfare information."""
    staff_only(request)
    session = get_session_for(organisation=request.organisation, pk=session_id)
    rows = sel.session_sheet(viewer=request.membership, session=session)
    assessment = sel.assessment_of(session)
    return render(
        request,
        "safeguarding/sheet.html",
        {
            "title": _("Session sheet"),
            "session": session,
            "rows": rows,
            "assessment": assessment,
            "staff": sel.session_staff_of(session),
        },
    )


@member_required("member")
def session_staff(request: MemberRequest, session_id: int) -> HttpResponse:
    """Name the staff running a session: they see its young people's welfare information."""
    staff_only(request)
    session = get_session_for(organisation=request.organisation, pk=session_id)
    form = SessionStaffForm(
        request.POST or None,
        staff=staff_for(organisation=request.organisation),
        initial={"staff": sel.session_staff_of(session)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_staff_set(
                acting_user=request.user,
                editor=request.membership,
                session=session,
                staff=list(form.cleaned_data["staff"]),
            )
        except ValidationError as error:
            show_errors(form, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("Staff running this session saved."))
            if sel.is_running(request.membership, session) or sel.may_see_welfare(
                request.membership, None, running=False
            ):
                return redirect("safeguarding:sheet", session_id=session.pk)
            return redirect("safeguarding:risk", session_id=session.pk)
    return form_page(
        request,
        form=form,
        title=_("Staff running this session"),
        caption=str(session),
        submit_text=_("Save"),
        back_url=reverse("safeguarding:risk", args=[session.pk]),
    )


@member_required("sign_off_trips")
def checklist(request: MemberRequest) -> HttpResponse:
    current = sel.checklist_for(organisation=request.organisation)
    form = ChecklistForm(request.POST or None, initial={"items": "\n".join(current)})
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_set(
                acting_user=request.user,
                organisation=request.organisation,
                items=form.cleaned_data["items"].splitlines(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Checklist saved."))
            return redirect("safeguarding:index")
    return form_page(
        request,
        form=form,
        title=_("Risk assessment checklist"),
        submit_text=_("Save the checklist"),
        back_url=reverse("safeguarding:index"),
    )
