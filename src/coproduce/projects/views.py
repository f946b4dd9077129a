from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.media.selectors import project_media_for_board
from coproduce.organisations.selectors import get_person_for
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.checklists import CHECKLISTS, Stage
from coproduce.projects.forms import (
    ChecklistForm,
    HoursForm,
    IdeaForm,
    InclusionForm,
    ProjectForm,
    RegisterForm,
    ResponseForm,
    RoleForm,
    SessionForm,
    SettingsForm,
)
from coproduce.projects.ladders import rungs


@member_required("staff")
def project_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "projects/list.html",
        {
            "title": _("Projects"),
            "projects": sel.projects_for(organisation=request.organisation),
            "overdue": sel.overdue_ideas(
                organisation=request.organisation, today=timezone.localdate()
            )[:10],
        },
    )


@member_required("staff")
def project_add(request: MemberRequest) -> HttpResponse:
    form = ProjectForm(
        request.POST or None,
        organisation=request.organisation,
        initial={"designed_by": "together", "delivered_by": "together"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(
                acting_user=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Project started."))
            return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Start a project"),
        submit_text=_("Start project"),
        back_url=reverse("projects:list"),
    )


@member_required("staff")
def project_detail(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    today = timezone.localdate()
    ideas = list(sel.ideas_for(project=project))
    sessions = Paginator(sel.sessions_for(project=project), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/detail.html",
        {
            "title": project.name,
            "project": project,
            "stages": Stage.choices,
            "open_items": sel.open_checklist_items(project=project, stage=project.stage),
            "sessions": sessions,
            "page": sessions,
            "ideas": ideas,
            "overdue_ids": {i.pk for i in ideas if i.is_overdue(today)},
            "spread": sel.rung_spread(project=project),
            "substitution": sel.substitution_warning(project=project),
            "hours": sel.monthly_hours_for(project=project),
            "roles": project.roles.all(),
            "changes": project.stage_changes.select_related("changed_by"),
        },
    )


@member_required("staff")
def project_edit(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    initial = {f: getattr(project, f) for f in services.PROJECT_FIELDS}
    form = ProjectForm(request.POST or None, organisation=request.organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(acting_user=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Change project"),
        caption=project.name,
        submit_text=_("Save changes"),
        back_url=reverse("projects:detail", args=[project.pk]),
    )


@member_required("staff")
def project_stage(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    stage = request.GET.get("stage", project.stage)
    if stage not in CHECKLISTS:
        stage = project.stage
    form = ChecklistForm(request.POST or None, rows=sel.checklist_for(project=project, stage=stage))
    if request.method == "POST" and form.is_valid():
        services.checklist_save(
            acting_user=request.user, project=project, stage=stage, answers=form.answers()
        )
        move_to = form.cleaned_data["move_to"]
        if move_to:
            change = services.project_move(
                acting_user=request.user, project=project, to_stage=move_to
            )
            if change.open_items:
                messages.warning(
                    request,
                    _("Moved on with %(n)s checklist items still open.") % {"n": change.open_items},
                )
            else:
                messages.success(request, _("Moved to the next stage."))
        else:
            messages.success(request, _("Checklist saved."))
        return redirect("projects:detail", project_id=project.pk)
    return render(
        request,
        "projects/stage.html",
        {
            "title": _("Checklist: %(stage)s") % {"stage": Stage(stage).label},
            "project": project,
            "form": form,
            "stage": stage,
        },
    )


@member_required("staff")
def role_add(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.role_create(acting_user=request.user, project=project, **form.cleaned_data)
        messages.success(request, _("Role description added."))
        return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Add a role description"),
        caption=project.name,
        submit_text=_("Add role"),
        back_url=reverse("projects:detail", args=[project.pk]),
    )


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
    ladder = rungs(sel.project_settings_for(organisation=request.organisation).ladder)
    form = RegisterForm(
        request.POST or None, register=sel.register_for(session=session), ladder=ladder
    )
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            acting_user=request.user, session=session, entries=form.entries()
        )
        messages.success(request, _("Register saved."))
        return redirect("projects:detail", project_id=session.project_id)
    return render(
        request,
        "projects/register.html",
        {
            "title": _("Register"),
            "session": session,
            "form": form,
            "ladder": ladder,
        },
    )


@member_required("staff")
def idea_add(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    form = IdeaForm(
        request.POST or None,
        organisation=request.organisation,
        project=project,
        initial={"owner": request.membership.pk, "source": "session"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_record(acting_user=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Idea recorded."))
            return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Record an idea or view"),
        caption=project.name,
        submit_text=_("Save idea"),
        back_url=reverse("projects:detail", args=[project.pk]),
    )


@member_required("staff")
def idea_respond(request: MemberRequest, idea_id: int) -> HttpResponse:
    idea = sel.get_idea_for(organisation=request.organisation, pk=idea_id)
    similar = [
        i for i in sel.ideas_for(project=idea.project) if i.pk != idea.pk and i.response_id is None
    ]
    response = idea.response
    initial = (
        {
            "status": response.status,
            "reason": response.reason,
            "action": response.action,
            "feedback_given_on": response.feedback_given_on,
            "feedback_method": response.feedback_method,
        }
        if response
        else {}
    )
    form = ResponseForm(request.POST or None, similar=similar, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [idea] + [i for i in similar if str(i.pk) in data.get("also", [])]
        try:
            services.response_give(
                acting_user=request.user,
                ideas=chosen,
                status=data["status"],
                reason=data["reason"],
                action=data["action"],
                feedback_given_on=data["feedback_given_on"],
                feedback_method=data["feedback_method"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Answer saved. The young people have been told."))
            return redirect("projects:detail", project_id=idea.project_id)
    return form_page(
        request,
        form=form,
        title=_("Answer this idea"),
        caption=idea.text[:120],
        submit_text=_("Save answer"),
        back_url=reverse("projects:detail", args=[idea.project_id]),
    )


@member_required("staff")
def board(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    answered = [i for i in sel.ideas_for(project=project) if i.response is not None]
    return render(
        request,
        "projects/board.html",
        {
            "title": _("You said – we did"),
            "project": project,
            "ideas": answered,
            # Published media: only items every identifiable young person consents to, today.
            "media": project_media_for_board(project, timezone.localdate()),
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


@member_required("staff")
def journey(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    return render(
        request,
        "projects/journey.html",
        {
            "title": _("%(name)s's journey") % {"name": person.user.display_name},
            "person": person,
            "steps": sel.journey_of(membership=person),
        },
    )


@member_required("young_person")
def my_journey(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "projects/journey.html",
        {
            "title": _("My journey"),
            "person": request.membership,
            "steps": sel.journey_of(membership=request.membership),
            "mine": True,
        },
    )


@member_required("young_person")
def my_ideas(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "projects/my_ideas.html",
        {"title": _("My ideas"), "ideas": sel.ideas_of(membership=request.membership)},
    )


@member_required("manage_organisation")
def settings_edit(request: MemberRequest) -> HttpResponse:
    current = sel.project_settings_for(organisation=request.organisation)
    form = SettingsForm(
        request.POST or None,
        initial={"ladder": current.ladder, "feedback_due_days": current.feedback_due_days},
    )
    if request.method == "POST" and form.is_valid():
        services.project_settings_update(
            acting_user=request.user, organisation=request.organisation, **form.cleaned_data
        )
        messages.success(request, _("Settings saved."))
        return redirect("projects:list")
    return form_page(
        request,
        form=form,
        title=_("Project settings"),
        submit_text=_("Save settings"),
        back_url=reverse("projects:list"),
    )
