"""Pages for a project itself: the list, starting and changing one, its checklist, roles and settings."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.assessments.selectors import matrix_cell
from coproduce.core.bilingual import add_welsh_fields, split_languages
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.checklists import CHECKLISTS, Stage
from coproduce.projects.forms import ChecklistForm, ProjectForm, RoleForm, SettingsForm
from coproduce.projects.sections import render_project_sections

if TYPE_CHECKING:
    from coproduce.projects.models import Project

# Written by staff in English and Welsh (projects/translation.py).
PROJECT_TEXTS = ("name", "aims")
ROLE_TEXTS = (
    "title",
    "expectations",
    "skills",
    "tasks",
    "meeting_frequency",
    "duration",
    "reward_notes",
)


@member_required("staff")
def project_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "projects/list.html",
        {
            "title": _("Projects"),
            # A council runs thousands of projects: a page of them at a time.
            "page": Paginator(sel.projects_for(organisation=request.organisation), 50).get_page(
                request.GET.get("page")
            ),
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
    add_welsh_fields(form, PROJECT_TEXTS)
    if request.method == "POST" and form.is_valid():
        data, texts = split_languages(form, PROJECT_TEXTS)
        try:
            project = services.project_create(
                acting_user=request.user,
                organisation=request.organisation,
                translations=texts,
                **data,
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


RECENT = 3  # ideas and sessions shown on the project page; the rest are on their own pages


@member_required()
def project_detail(request: MemberRequest, project_id: int) -> HttpResponse:
    """Phone first: a summary (stage, next session, what needs doing), a contents list, then
    the sections folded away; long lists (ideas, sessions) and the people on their own pages."""
    today = timezone.localdate()
    if request.membership.is_young_person:
        project = sel.get_project_for(organisation=request.organisation, pk=project_id)
        return _young_person_detail(request, project, today)
    # With what the summary counts, read in the same query.
    project = sel.project_page_for(organisation=request.organisation, pk=project_id, today=today)
    if not request.membership.is_staff_member:
        raise PermissionDenied
    ideas = sel.latest_ideas_for(project=project, count=RECENT)
    hours = list(sel.monthly_hours_for(project=project))
    return render(
        request,
        "projects/detail.html",
        {
            "title": project.name,
            "project": project,
            "stages": Stage.choices,
            "cell": matrix_cell(designed_by=project.designed_by, delivered_by=project.delivered_by),
            "open_items": sel.open_checklist_items(project=project, stage=project.stage),
            "next_session": sel.next_session_for(project=project, today=today),
            "sessions": sel.sessions_for(project=project)[:RECENT],
            "session_count": project.session_count,
            "ideas": ideas,
            "idea_counts": sel.page_idea_counts(project),
            "overdue_ids": {i.pk for i in ideas if i.is_overdue(today)},
            "spread": sel.rung_spread(project=project, ladder=project.ladder),
            "substitution": sel.substitution_in(hours),
            "hours": hours,
            "has_roles": project.has_roles,
            # The template shows when and between which stages, not who moved it.
            "changes": project.stage_changes.all(),
            "join_requests": list(sel.join_requests_waiting(project=project)),
        },
    )


@member_required("staff")
def project_people(request: MemberRequest, project_id: int) -> HttpResponse:
    """The project's own page for people: who is asking to join, the roles, and what other
    apps add (peer mentors, who to invite next)."""
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    return render(
        request,
        "projects/people.html",
        {
            "title": _("Roles and people"),
            "project": project,
            "roles": project.roles.all(),
            "join_requests": sel.join_requests_waiting(project=project),
            # What other apps add here (story: naming peer mentors; inclusion: who to invite).
            "sections": render_project_sections(request, project),
        },
    )


@member_required("staff")
def project_sessions(request: MemberRequest, project_id: int) -> HttpResponse:
    """Every session of the project, newest first, a page at a time."""
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    page = Paginator(sel.sessions_for(project=project), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/sessions.html",
        {"title": _("Sessions"), "project": project, "page": page},
    )


def _young_person_detail(
    request: MemberRequest, project: Project, today: datetime.date
) -> HttpResponse:
    """What a young person sees, phone first: a summary (what it is about, the next session and
    whether they are coming, what is waiting for them), a contents list, then folded sections."""
    me = request.membership
    member = sel.is_in_project(membership=me, project=project)
    upcoming = (
        list(sel.upcoming_sessions_of(membership=me, today=today).filter(project=project)[:10])
        if member
        else []
    )
    ideas = list(sel.ideas_of(membership=me).filter(project=project))
    return render(
        request,
        "projects/detail_young_person.html",
        {
            "title": project.name,
            "project": project,
            "member": member,
            "roles": project.roles.order_by("title", "pk"),
            "asked": sel.join_requests_of(membership=me).get(project.pk),
            "upcoming": upcoming,
            "next_session": upcoming[0] if upcoming else None,
            "ideas": ideas,
            "answered": sum(1 for i in ideas if i.response_id is not None),
            # What other apps add for someone in it (media: add a photo or quote).
            "sections": render_project_sections(request, project) if member else [],
        },
    )


@member_required("staff")
def project_edit(request: MemberRequest, project_id: int) -> HttpResponse:
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    initial = {f: getattr(project, f) for f in services.PROJECT_FIELDS}
    form = ProjectForm(request.POST or None, organisation=request.organisation, initial=initial)
    add_welsh_fields(form, PROJECT_TEXTS, instance=project)
    if request.method == "POST" and form.is_valid():
        data, texts = split_languages(form, PROJECT_TEXTS)
        try:
            services.project_update(
                acting_user=request.user, project=project, translations=texts, **data
            )
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
    add_welsh_fields(form, ROLE_TEXTS)
    if request.method == "POST" and form.is_valid():
        data, texts = split_languages(form, ROLE_TEXTS)
        services.role_create(acting_user=request.user, project=project, translations=texts, **data)
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


@member_required("manage_organisation")
def settings_edit(request: MemberRequest) -> HttpResponse:
    current = sel.settings_for(organisation=request.organisation)
    form = SettingsForm(
        request.POST or None,
        initial={
            "ladder": current.ladder,
            "feedback_due_days": current.feedback_due_days,
            "public_board": current.public_board,
        },
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
