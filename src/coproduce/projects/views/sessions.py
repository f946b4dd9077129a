"""Pages for sessions: recording one, its register, monthly hours and support to take part."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.forms import HoursForm, InclusionForm, SessionForm
from coproduce.projects.forms_register import RegisterForm
from coproduce.projects.ladders import rungs
from coproduce.projects.sections import render_session_sections


@member_required("staff")
def session_add(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_record(
                acting_user=request.user, project=project, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Session recorded. Now take the register."))
            return redirect("projects:register", session_id=session.pk)
    return form_page(
        request,
        form=form,
        title=_("Record a session"),
        caption=project.name,
        submit_text=_("Save session"),
        back_url=reverse("projects:detail", args=[project.pk]),
    )


@member_required("staff")
def session_register(request: MemberRequest, session_id: int) -> HttpResponse:
    session = sel.get_session_for(organisation=request.organisation, pk=session_id)
    ladder = rungs(sel.settings_for(organisation=request.organisation).ladder)
    form = RegisterForm(
        request.POST or None, register=sel.register_for(session=session), ladder=ladder
    )
    if request.method == "POST" and form.is_valid():
        # "Everyone came" is a second submit button: no script needed to tick every box.
        everyone = "everyone" in request.POST
        services.attendance_record(
            acting_user=request.user, session=session, entries=form.entries(everyone=everyone)
        )
        messages.success(
            request, _("Register saved. Everyone came.") if everyone else _("Register saved.")
        )
        # Back to the register, where what comes next (issuing credits) is offered.
        return redirect(reverse("projects:register", args=[session.pk]) + "?saved=1")
    return render(
        request,
        "projects/register.html",
        {
            "title": _("Register"),
            "session": session,
            "form": form,
            "apologies": sel.apologies_for(session=session),
            "sections": render_session_sections(request, session),
        },
    )


@member_required("staff")
def hours_add(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    form = HoursForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.monthly_hours_record(
            acting_user=request.user, project=project, **form.cleaned_data
        )
        messages.success(request, _("Hours saved."))
        return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Record a month's hours"),
        caption=project.name,
        submit_text=_("Save hours"),
        back_url=reverse("projects:detail", args=[project.pk]),
        intro=_(
            "Paid staff hours beside young people's hours show whether young people are "
            "adding to the service or replacing paid work."
        ),
    )


@member_required("staff")
def inclusion_edit(request: MemberRequest, project_id: int, membership_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    existing = sel.inclusion_for(project=project, young_person=person)
    initial = {}
    if existing:
        initial = {
            "barriers": existing.barriers,
            "barrier_notes": existing.barrier_notes,
            "meeting_preferences": existing.meeting_preferences,
            "support_given": existing.support_given,
            "support_amount": (
                Decimal(existing.support_amount_pence) / 100
                if existing.support_amount_pence is not None
                else None
            ),
        }
    form = InclusionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        amount = data.pop("support_amount")
        services.inclusion_save(
            acting_user=request.user,
            project=project,
            young_person=person,
            support_amount_pence=int(amount * 100) if amount is not None else None,
            **data,
        )
        messages.success(request, _("Saved."))
        return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Taking part: %(name)s") % {"name": person.user.display_name},
        caption=project.name,
        submit_text=_("Save"),
        back_url=reverse("projects:detail", args=[project.pk]),
    )
