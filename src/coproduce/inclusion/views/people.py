"""Pages about young people as individuals: access needs, adding many at once (upload, check
every row on a preview, then confirm), and the people as a spreadsheet in the import's shape."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core import downloads
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.imports import Sheet, UnreadableFile, read_upload
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


# The checked sheet's cells wait in the (server-side) session between upload and confirm:
# never the file, never longer than this, and gone once confirmed or cancelled.
PREPARED = "inclusion.people_import"
PREPARED_SECONDS = 30 * 60


def _prepared(request: MemberRequest) -> Sheet | None:
    held: dict[str, Any] | None = request.session.get(PREPARED)
    if not held:
        return None
    if held.get("member") != request.membership.pk or time.time() - held["at"] > PREPARED_SECONDS:
        request.session.pop(PREPARED, None)
        return None
    return Sheet(held["columns"], [(line, row) for line, row in held["rows"]])


def _allowed(request: MemberRequest) -> dict[str, bool]:
    return {
        "allow_in_care": request.membership.can("see_care_status"),
        "allow_staff": request.membership.can("manage_people"),
    }


@member_required("add_young_people")
def people_import(request: MemberRequest) -> HttpResponse:
    """Step 1: upload. Every row is checked; nothing is added here."""
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheet = read_upload(upload, name=upload.name)
        except UnreadableFile:
            form.add_error("file", _("The file must be a CSV or an Excel (.xlsx) spreadsheet."))
        else:
            checked = services.people_check(
                organisation=request.organisation, sheet=sheet, **_allowed(request)
            )
            if not checked.problems:
                request.session[PREPARED] = {
                    "columns": sheet.columns,
                    "rows": sheet.rows,
                    "at": time.time(),
                    "member": request.membership.pk,
                }
                return redirect("inclusion:import_preview")
            problems = checked.problems
            form.add_error("file", _("Nobody was added. Fix the rows listed below and try again."))
    return form_page(
        request,
        form=form,
        title=_("Add people from a spreadsheet"),
        submit_text=_("Check the file"),
        back_url=reverse("organisations:people"),
        template="inclusion/import.html",
        problems=problems,
        can_add_staff=request.membership.can("manage_people"),
    )


@member_required("add_young_people")
def people_import_preview(request: MemberRequest) -> HttpResponse:
    """Step 2: every row as it will be added; confirm adds them all, cancel forgets them."""
    sheet = _prepared(request)
    if sheet is None:
        messages.error(request, _("Upload the file again: nothing was waiting to be added."))
        return redirect("inclusion:import")
    if request.method == "POST" and "cancel" in request.POST:
        request.session.pop(PREPARED, None)
        messages.success(request, _("Nobody was added."))
        return redirect("inclusion:import")
    if request.method == "POST":
        request.session.pop(PREPARED, None)
        result = services.people_import(
            acting_user=request.user,
            organisation=request.organisation,
            sheet=sheet,
            **_allowed(request),
        )
        if not result.problems:
            messages.success(request, _("%(n)s people added.") % {"n": len(result.added)})
            return redirect("organisations:people")
        return render(
            request,
            "inclusion/import_preview.html",
            {"title": _("Nobody was added"), "problems": result.problems, "rows": []},
        )
    checked = services.people_check(
        organisation=request.organisation, sheet=sheet, **_allowed(request)
    )
    if checked.problems:  # something changed since the upload: start again
        request.session.pop(PREPARED, None)
    return render(
        request,
        "inclusion/import_preview.html",
        {
            "title": _("Check before adding") if not checked.problems else _("Nobody was added"),
            "rows": checked.rows,
            "problems": checked.problems,
        },
    )


@member_required("add_young_people")
def people_export(request: MemberRequest, fmt: str) -> HttpResponse:
    """Active young people (and staff, for managers and admins) in the import's shape, so a
    file can be exported, changed and imported again. Cells are made formula-safe."""
    # Made by the worker (inclusion/exports.py); this page waits for it.
    return downloads.prepare_response(
        request,
        kind=f"inclusion.people_{'csv' if fmt == 'csv' else 'xlsx'}",
        params={"include_staff": request.membership.can("manage_people")},
        back_url=reverse("inclusion:import"),
    )
