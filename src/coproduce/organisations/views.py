from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coproduce.audit.selectors import views_of
from coproduce.audit.services import record_view
from coproduce.core.bilingual import missing_translations
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations import selectors, services
from coproduce.organisations.forms import (
    DefaultLanguageForm,
    PersonEditForm,
    PersonForm,
    ServiceForm,
)
from coproduce.organisations.roles import Role
from coproduce.organisations.sections import render_person_sections


@member_required("add_young_people")
def people(request: MemberRequest) -> HttpResponse:
    role = request.GET.get("role", "")
    if role not in Role.values:
        role = ""
    if not request.membership.can("manage_people"):
        role = Role.YOUNG_PERSON  # practitioners see the young people they work with
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(
        selectors.people_for(organisation=request.organisation, role=role or None, search=search),
        50,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/people.html",
        {
            "title": _("People"),
            "page": page,
            "role": role,
            "search": search,
            "roles": Role.choices,
            "roles_filter": request.membership.can("manage_people"),
        },
    )


@member_required("add_young_people")
def person_add(request: MemberRequest) -> HttpResponse:
    allow_in_care = request.membership.can("see_care_status")
    form = PersonForm(
        request.POST or None,
        organisation=request.organisation,
        allow_in_care=allow_in_care,
        initial={"role": Role.YOUNG_PERSON},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["role"] != Role.YOUNG_PERSON and not request.membership.can("manage_people"):
            form.add_error("role", _("Only managers and admins can add staff or commissioners"))
        else:
            try:
                membership = services.person_add(
                    acting_user=request.user,
                    organisation=request.organisation,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    preferred_name=data["preferred_name"],
                    email=data["email"],
                    date_of_birth=data["date_of_birth"],
                    role=data["role"],
                    in_care=data.get("in_care", False),
                    services=data["services"],
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(
                    request, _("%(name)s has been added.") % {"name": membership.user.display_name}
                )
                return redirect("organisations:person", membership_id=membership.pk)
    return form_page(request, title=_("Add a person"), form=form, submit_text=_("Add person"))


@member_required("add_young_people")
def person(request: MemberRequest, membership_id: int) -> HttpResponse:
    membership = selectors.get_person_visible_to(viewer=request.membership, pk=membership_id)
    if membership.is_young_person:
        record_view(
            viewer=request.user,
            organisation=request.organisation,
            person=membership,
            page="profile",
        )
    can_audit = request.membership.can("view_audit")
    return render(
        request,
        "organisations/person.html",
        {
            "title": membership.user.display_name,
            "person": membership,
            "can_see_care": request.membership.can("see_care_status"),
            "can_edit": request.membership.can("manage_people") or membership.is_young_person,
            "views": views_of(membership) if can_audit else None,
            "can_audit": can_audit,
            "sections": render_person_sections(request, membership),
        },
    )


@member_required("add_young_people")
def person_edit(request: MemberRequest, membership_id: int) -> HttpResponse:
    membership = selectors.get_person_visible_to(viewer=request.membership, pk=membership_id)
    user = membership.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_name": user.preferred_name,
        "email": user.email,
        "date_of_birth": user.date_of_birth,
        "role": membership.role,
        "in_care": membership.in_care,
        "is_active": membership.is_active,
        "services": list(membership.services.all()),
    }
    allow_in_care = request.membership.can("see_care_status")
    form = PersonEditForm(
        request.POST or None,
        initial=initial,
        organisation=request.organisation,
        allow_in_care=allow_in_care,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["role"] != membership.role and not request.membership.can("manage_people"):
            form.add_error("role", _("Only managers and admins can change someone's role"))
        else:
            try:
                services.person_update(
                    acting_user=request.user,
                    membership=membership,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    preferred_name=data["preferred_name"],
                    email=data["email"],
                    date_of_birth=data["date_of_birth"],
                    role=data["role"],
                    in_care=data["in_care"] if allow_in_care else membership.in_care,
                    is_active=data["is_active"],
                    services=data["services"],
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("organisations:person", membership_id=membership.pk)
    return form_page(
        request,
        title=_("Change details"),
        caption=user.display_name,
        form=form,
        submit_text=_("Save changes"),
    )


@member_required("manage_people")
def service_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "organisations/services.html",
        {
            "title": _("Services"),
            "services": selectors.services_for(organisation=request.organisation),
        },
    )


@member_required("manage_people")
def service_add(request: MemberRequest) -> HttpResponse:
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_create(
                acting_user=request.user,
                organisation=request.organisation,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Service added."))
            return redirect("organisations:services")
    return form_page(request, title=_("Add a service"), form=form, submit_text=_("Add service"))


@member_required("manage_people")
def service_edit(request: MemberRequest, service_id: int) -> HttpResponse:
    service = selectors.get_service_for(organisation=request.organisation, pk=service_id)
    form = ServiceForm(
        request.POST or None,
        initial={
            "name": service.name,
            "description": service.description,
            "is_active": service.is_active,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.service_update(acting_user=request.user, service=service, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("organisations:services")
    return form_page(
        request,
        title=_("Change service"),
        caption=service.name,
        form=form,
        submit_text=_("Save changes"),
    )


@member_required("manage_organisation")
def default_language(request: MemberRequest) -> HttpResponse:
    """An organisation can make Welsh its default (Welsh Language Standards)."""
    organisation = request.organisation
    form = DefaultLanguageForm(
        request.POST or None, initial={"language": organisation.default_language}
    )
    if request.method == "POST" and form.is_valid():
        services.organisation_language_set(
            acting_user=request.user,
            organisation=organisation,
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Default language saved."))
        return redirect("organisations:language")
    return form_page(
        request, title=_("Your organisation's language"), form=form, submit_text=_("Save")
    )


@member_required("staff")
def translations_missing(request: MemberRequest) -> HttpResponse:
    """Texts the organisation wrote in one language only (projects, roles, rewards, framework
    copies), so staff can add the other. Built-in frameworks are translated in the catalogue."""
    missing = missing_translations(
        organisation_id=request.organisation.pk,
        exclude={
            "assessments.framework": Q(is_builtin=True),
            "assessments.principle": Q(version__framework__is_builtin=True),
            "assessments.indicator": Q(version__framework__is_builtin=True),
            "assessments.banddescriptor": Q(version__framework__is_builtin=True),
        },
    )
    return render(
        request,
        "organisations/translations_missing.html",
        {"title": _("Texts still to translate"), "missing": missing},
    )
