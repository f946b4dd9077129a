"""Pages for young people's ideas: recording, answering, the "You said – we did" board."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.core.tenancy import organisation_scope
from coproduce.organisations.selectors import organisation_with_slug
from coproduce.projects import selectors as sel
from coproduce.projects import services
from coproduce.projects.forms import IdeaForm, ResponseForm
from coproduce.projects.forms_taking_part import MyIdeaForm
from coproduce.projects.sections import render_board_sections

PUBLIC_SHOWN = 100  # the newest answers; a board, not an archive
IDEAS_PER_PAGE = 10


@member_required("staff")
def project_ideas(request: MemberRequest, project_id: int) -> HttpResponse:
    """Every idea for a project, newest first, a page at a time (the project page shows the
    latest few)."""
    project = sel.get_project_for(organisation=request.organisation, pk=project_id)
    page = Paginator(sel.ideas_for(project=project), IDEAS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    return render(
        request,
        "projects/ideas.html",
        {
            "title": _("You said – we did"),
            "project": project,
            "page": page,
            "overdue_ids": {i.pk for i in page if i.is_overdue(today)},
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
    together = (
        sel.ideas_for(project=idea.project)
        if idea.project is not None
        else sel.organisation_ideas(organisation=request.organisation)
    )
    similar = [i for i in together if i.pk != idea.pk and i.response_id is None]
    back = (
        reverse("projects:detail", args=[idea.project_id])
        if idea.project_id
        else reverse("projects:organisation_board")
    )
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
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=_("Answer this idea"),
        caption=idea.text[:120],
        submit_text=_("Save answer"),
        back_url=back,
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
    return form_page(
        request,
        form=form,
        title=_("Give an idea"),
        submit_text=_("Send my idea"),
        back_url=reverse("projects:my_ideas"),
    )


@member_required()
def organisation_board(request: MemberRequest) -> HttpResponse:
    """Ideas for the organisation as a whole: everyone in it sees what was said and done;
    staff also see the ones still waiting, to answer them."""
    me = request.membership
    if not me.is_staff_member and not me.is_young_person:
        raise PermissionDenied
    ideas = list(sel.organisation_ideas(organisation=request.organisation))
    return render(
        request,
        "projects/organisation_board.html",
        {
            "title": _("You said – we did"),
            "answered": [i for i in ideas if i.response is not None],
            "waiting": [i for i in ideas if i.response is None] if me.is_staff_member else [],
            "public": sel.settings_for(organisation=request.organisation).public_board,
        },
    )


def public_board(request: HttpRequest, organisation_slug: str) -> HttpResponse:
    """An organisation's public board, when it chooses to publish one (off by default): the
    answered ideas only, with no names, photos or quotes."""
    organisation = organisation_with_slug(organisation_slug)
    if organisation is None:
        raise Http404
    with organisation_scope(organisation):
        if not sel.settings_for(organisation=organisation).public_board:
            raise Http404
        ideas = list(sel.answered_ideas(organisation=organisation)[:PUBLIC_SHOWN])
    return render(
        request,
        "projects/public_board.html",
        {"title": _("You said – we did"), "organisation": organisation, "ideas": ideas},
    )
