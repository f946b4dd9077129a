"""Pages about young people as individuals: access needs, adding many at once."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.inclusion import selectors, services
from coproduce.inclusion.forms import NeedsForm, PeopleImportForm
from coproduce.organisations.selectors import get_person_visible_to


@member_required("staff")
def needs_edit(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_visible_to(viewer=request.membership, pk=membership_id)
    if not person.is_young_person:
        raise PermissionDenied
    existing = selectors.needs_of(membership=person)
    initial = (
        {
            "needs": existing.needs,
            "notes": existing.notes,
            "first_language": existing.first_language,
        }
        if existing
        else {}
    )
    form = NeedsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.needs_save(
                acting_user=request.user,
                acting_member=request.membership,
                membership=person,
                **form.cleaned_data,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Access needs saved."))
            return redirect("organisations:person", membership_id=person.pk)
    return form_page(
        request,
        form=form,
        title=_("Access needs and language"),
        caption=person.user.display_name,
        submit_text=_("Save"),
        back_url=reverse("organisations:person", args=[person.pk]),
        intro=_("Staff who run sessions see this on the register, so they can plan ahead."),
    )


@member_required("add_young_people")
def people_import(request: MemberRequest) -> HttpResponse:
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
        result = services.people_import(
            acting_user=request.user,
            organisation=request.organisation,
            text=text,
            allow_in_care=request.membership.can("see_care_status"),
        )
        if not result.problems:
            messages.success(request, _("%(n)s young people added.") % {"n": len(result.added)})
            return redirect(reverse("organisations:people") + "?role=young_person")
        problems = result.problems
        form.add_error("file", _("Nobody was added. Fix the rows listed below and try again."))
    return form_page(
        request,
        form=form,
        title=_("Add young people from a spreadsheet"),
        submit_text=_("Check and add"),
        back_url=reverse("organisations:people"),
        template="inclusion/import.html",
        problems=problems,
    )
