"""Pages for young people's ideas: recording, answering, the "You said – we did" board."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.forms import IdeaForm, ResponseForm
from coproduce.projects.forms_taking_part import MyIdeaForm
from coproduce.projects.sections import render_board_sections


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


@member_required()
def board(request: MemberRequest, project_id: int) -> HttpResponse:
    """Staff, and the young people in the project, see what was said and what was done."""
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    me = request.membership
    if not me.is_staff_member and not (
        me.is_young_person and sel.is_in_project(membership=me, project=project)
    ):
        raise PermissionDenied
    answered = [i for i in sel.ideas_for(project=project) if i.response is not None]
    return render(
        request,
        "projects/board.html",
        {
            "title": _("You said – we did"),
            "project": project,
            "ideas": answered,
            # What other apps show here (media: the photos and quotes that may be published).
            "sections": render_board_sections(request, project),
        },
    )


@member_required("young_person")
def my_ideas(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "projects/my_ideas.html",
        {"title": _("My ideas"), "ideas": sel.ideas_of(membership=request.membership)},
    )


@member_required("young_person")
def my_idea_add(request: MemberRequest) -> HttpResponse:
    projects = sel.projects_of(membership=request.membership)
    initial = {"project": request.GET.get("project")} if request.GET.get("project") else {}
    form = MyIdeaForm(request.POST or None, projects=projects, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_give(
                acting_user=request.user,
                project=form.cleaned_data["project"],
                young_person=request.membership,
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Thanks! Your idea has been sent. You will get an answer."))
            return redirect("projects:my_ideas")
    if not projects.exists():
        return render(request, "projects/my_idea_no_projects.html", {"title": _("Give an idea")})
    return form_page(
        request,
        form=form,
        title=_("Give an idea"),
        submit_text=_("Send my idea"),
        back_url=reverse("projects:my_ideas"),
    )
