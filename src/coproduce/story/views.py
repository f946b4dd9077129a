"""A young person's own story, and any young person's for staff of their organisation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.audit.services import record_view
from coproduce.core import downloads
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for
from coproduce.projects.selectors import get_project_for, young_people_who_came
from coproduce.story.forms import MentoringForm
from coproduce.story.selectors import Story, story_of
from coproduce.story.services import mentoring_name


def _page(request: MemberRequest, story: Story, pdf_url: str, own: bool) -> HttpResponse:
    return render(
        request,
        "story/story.html",
        {
            "title": _("My story") if own else _("Story"),
            "story": story,
            "own": own,
            "pdf_url": pdf_url,
        },
    )


def _pdf(request: MemberRequest, membership_id: int, back_url: str) -> HttpResponse:
    """The PDF is made by the worker (story/exports.py); this page waits for it."""
    return downloads.prepare_response(
        request, kind="story.pdf", params={"membership_id": membership_id}, back_url=back_url
    )


@member_required("young_person")
def mine(request: MemberRequest) -> HttpResponse:
    return _page(request, story_of(request.membership), reverse("story:mine_pdf"), own=True)


@member_required("young_person")
def mine_pdf(request: MemberRequest) -> HttpResponse:
    return _pdf(request, request.membership.pk, reverse("story:mine"))


def _young_person(request: MemberRequest, membership_id: int) -> Story:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    if not person.is_young_person:
        raise Http404
    record_view(viewer=request.user, organisation=request.organisation, person=person, page="story")
    return story_of(person)


@member_required("staff")
def person(request: MemberRequest, membership_id: int) -> HttpResponse:
    story = _young_person(request, membership_id)
    return _page(request, story, reverse("story:person_pdf", args=[membership_id]), own=False)


@member_required("staff")
def person_pdf(request: MemberRequest, membership_id: int) -> HttpResponse:
    story = _young_person(request, membership_id)
    return _pdf(request, story.person.pk, reverse("story:person", args=[membership_id]))


@member_required("staff")
def mentoring(request: MemberRequest, project_id: int) -> HttpResponse:
    """Name an older young person mentor of a younger one in a project."""
    project = get_project_for(organisation=request.organisation, pk=project_id)
    people = young_people_who_came(project=project)
    form = MentoringForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        by_pk = {p.pk: p for p in people}
        try:
            mentoring_name(
                acting_user=request.user,
                project=project,
                mentor=by_pk[form.cleaned_data["mentor"]],
                mentee=by_pk[form.cleaned_data["mentee"]],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Mentor named. It shows in both their stories."))
            return redirect("projects:detail", project_id=project.pk)
    return form_page(
        request,
        form=form,
        title=_("Name a peer mentor"),
        caption=project.name,
        submit_text=_("Name mentor"),
        back_url=reverse("projects:detail", args=[project.pk]),
        intro=_("Choose from the young people who have come to this project's sessions."),
    )
