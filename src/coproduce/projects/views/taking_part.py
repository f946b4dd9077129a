"""Pages for young people taking part: get involved, ask to join, their sessions; staff's answer."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.forms_taking_part import JoinDecisionForm, JoinForm
from coproduce.projects.ics import session_calendar_file

if TYPE_CHECKING:
    from coproduce.projects.models import Session


@member_required("young_person")
def get_involved(request: MemberRequest) -> HttpResponse:
    me = request.membership
    mine = list(sel.projects_of(membership=me))
    mine_ids = {p.pk for p in mine}
    asked = sel.join_requests_of(membership=me)
    open_projects = [
        p for p in sel.open_projects_for(organisation=request.organisation) if p.pk not in mine_ids
    ]
    for p in open_projects:
        p.asked = asked.get(p.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "projects/get_involved.html",
        {
            "title": _("Get involved"),
            "mine": mine,
            "upcoming": sel.upcoming_sessions_of(membership=me, today=timezone.localdate())[:10],
            "open": open_projects,
        },
    )


@member_required()
def join(request: MemberRequest, project_id: int) -> HttpResponse:
    # Look the project up first: another organisation's project is 404 whoever asks.
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    if not request.membership.is_young_person:
        raise PermissionDenied
    roles = list(project.roles.order_by("title", "pk"))
    form = JoinForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                acting_user=request.user,
                project=project,
                young_person=request.membership,
                role=form.chosen_role(),
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Thanks! Staff will tell you their answer soon."))
            return redirect("projects:get_involved")
    return form_page(
        request,
        form=form,
        title=_("Ask to join"),
        caption=project.name,
        submit_text=_("Ask to join"),
        back_url=reverse("projects:get_involved"),
    )


@member_required("staff")
def join_request_answer(request: MemberRequest, join_request_id: int) -> HttpResponse:
    join_request = sel.get_join_request_for(organisation=request.organisation, pk=join_request_id)
    form = JoinDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_decide(
                acting_user=request.user,
                join_request=join_request,
                accept=form.cleaned_data["decision"] == "accept",
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Answer saved. The young person has been told."))
            return redirect("projects:detail", project_id=join_request.project_id)
    return form_page(
        request,
        form=form,
        title=_("%(name)s asks to join") % {"name": join_request.young_person.user.display_name},
        caption=join_request.project.name,
        template="projects/join_answer.html",
        join_request=join_request,
        submit_text=_("Save answer"),
        back_url=reverse("projects:detail", args=[join_request.project_id]),
    )


def _session_for_member(request: MemberRequest, session_id: int) -> Session:
    session = sel.get_session_for(organisation=request.organisation, pk=session_id)
    me = request.membership
    if not me.is_staff_member and not sel.is_in_project(membership=me, project=session.project):
        raise PermissionDenied
    return session


@member_required()
def session_calendar(request: MemberRequest, session_id: int) -> HttpResponse:
    """An add-to-calendar file for one session."""
    session = _session_for_member(request, session_id)
    response = HttpResponse(
        session_calendar_file(session, host=request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


@member_required()
def cant_come(request: MemberRequest, session_id: int) -> HttpResponse:
    session = _session_for_member(request, session_id)
    if not request.membership.is_young_person:
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.apology_give(
                acting_user=request.user, session=session, young_person=request.membership
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Thanks for letting us know. We'll miss you."))
        return redirect("projects:get_involved")
    when = datetime.datetime.combine(session.date, session.start_time or datetime.time())
    return render(
        request,
        "projects/cant_come.html",
        {"title": _("Can't come?"), "session": session, "when": when},
    )
