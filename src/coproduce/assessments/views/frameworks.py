"""Framework pages: list, detail, export, import, copy, new version, band editing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.assessments import frameworks, selectors
from coproduce.assessments.forms import BandForm, CopyForm, ImportForm, IndicatorWordingForm
from coproduce.assessments.models import FrozenVersionError
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors


@member_required("staff")
def framework_list(request: MemberRequest) -> HttpResponse:
    frameworks.builtins_install(organisation=request.organisation)
    return render(
        request,
        "assessments/frameworks.html",
        {
            "title": _("Frameworks"),
            "frameworks": selectors.frameworks_for(organisation=request.organisation),
            "can_manage": request.membership.can("manage_people"),
        },
    )


@member_required("staff")
def version_detail(request: MemberRequest, version_id: int) -> HttpResponse:
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    return render(
        request,
        "assessments/version.html",
        {
            "title": version.framework.name,
            "version": version,
            "contents": selectors.version_contents(version),
            "can_manage": request.membership.can("manage_people"),
        },
    )


@member_required("staff")
def version_export(request: MemberRequest, version_id: int, format: str) -> HttpResponse:
    if format not in {"yaml", "json"}:
        raise Http404
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    content_type = "application/json" if format == "json" else "application/yaml"
    response = HttpResponse(frameworks.export_text(version, format), content_type=content_type)
    filename = f"{version.framework.key}-v{version.number}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@member_required("manage_people")
def framework_import(request: MemberRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = upload.read(1_000_000).decode("utf-8")
        except UnicodeDecodeError:
            problems = [_("The file must be UTF-8 text (YAML or JSON).")]
        else:
            try:
                version = frameworks.framework_import(
                    acting_user=request.user, organisation=request.organisation, text=text
                )
            except frameworks.DocumentError as error:
                problems = error.errors
            else:
                messages.success(request, _("Framework imported."))
                return redirect("assessments:version", version_id=version.pk)
        form.add_error("file", _("The file has problems, listed below. Nothing was changed."))
    return form_page(
        request,
        form=form,
        title=_("Import a framework"),
        submit_text=_("Import"),
        back_url=reverse("assessments:frameworks"),
        template="assessments/import.html",
        problems=problems,
    )


@member_required("manage_people")
def version_copy(request: MemberRequest, version_id: int) -> HttpResponse:
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    form = CopyForm(
        request.POST or None,
        initial={"name": _("%(name)s (our copy)") % {"name": version.framework.name}},
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = frameworks.framework_copy(
                acting_user=request.user,
                version=version,
                key=form.cleaned_data["key"],
                name=form.cleaned_data["name"],
            )
        except frameworks.DocumentError as error:
            form.add_error("key", error.errors[-1])
        else:
            messages.success(request, _("Your copy is ready to adapt."))
            return redirect("assessments:version", version_id=copy.pk)
    return form_page(
        request,
        form=form,
        title=_("Copy and adapt this framework"),
        caption=version.framework.name,
        submit_text=_("Make a copy"),
        back_url=reverse("assessments:version", kwargs={"version_id": version.pk}),
    )


@require_POST
@member_required("manage_people")
def version_new(request: MemberRequest, version_id: int) -> HttpResponse:
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    try:
        new = frameworks.version_next(acting_user=request.user, version=version)
    except FrozenVersionError as error:
        messages.error(request, str(error))
        return redirect("assessments:version", version_id=version.pk)
    return redirect("assessments:version", version_id=new.pk)


@member_required("manage_people")
def band_edit(request: MemberRequest, band_id: int) -> HttpResponse:
    band = selectors.get_band_for(organisation=request.organisation, pk=band_id)
    back = reverse("assessments:version", kwargs={"version_id": band.version_id})
    form = BandForm(
        request.POST or None, initial={"descriptor": band.descriptor, "examples": band.examples}
    )
    if request.method == "POST" and form.is_valid():
        try:
            frameworks.band_update(acting_user=request.user, band=band, **form.cleaned_data)
        except FrozenVersionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=_("Change %(band)s") % {"band": band.get_band_display()},
        caption=band.indicator.title,
        submit_text=_("Save changes"),
        back_url=back,
    )


@member_required("manage_people")
def indicator_edit(request: MemberRequest, indicator_id: int) -> HttpResponse:
    indicator = selectors.get_version_indicator_for(
        organisation=request.organisation, pk=indicator_id
    )
    back = reverse("assessments:version", kwargs={"version_id": indicator.version_id})
    form = IndicatorWordingForm(
        request.POST or None,
        initial={
            "title": indicator.title,
            "young_title": indicator.young_title,
            "young_hint": indicator.young_hint,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            frameworks.indicator_update(
                acting_user=request.user, indicator=indicator, **form.cleaned_data
            )
        except FrozenVersionError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=_("Change the wording"),
        caption=indicator.title,
        submit_text=_("Save changes"),
        back_url=back,
    )
