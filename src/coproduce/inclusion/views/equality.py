"""Equality monitoring: a young person's own answers, and the counts staff may see."""

from __future__ import annotations

import datetime
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, settings_page, show_errors
from coproduce.inclusion import selectors, services
from coproduce.inclusion.forms import AreasForm, EqualityForm, SettingsForm
from coproduce.inclusion.models import EqualityProfile


@member_required("young_person")
def about_you(request: MemberRequest) -> HttpResponse:
    """The young person sees, changes or removes their own answers."""
    profile = selectors.equality_of(membership=request.membership)
    initial = {n: getattr(profile, n) for n in EqualityProfile.PERSONAL_FIELDS} if profile else {}
    form = EqualityForm(request.POST or None, initial=initial)
    if request.method == "POST" and "remove" in request.POST:
        services.equality_clear(acting_user=request.user, membership=request.membership)
        messages.success(request, _("Your answers have been removed."))
        return redirect("inclusion:about_you")
    if request.method == "POST" and form.is_valid():
        try:
            services.equality_save(
                acting_user=request.user, membership=request.membership, answers=form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your answers are saved."))
            return redirect("inclusion:about_you")
    basis = selectors.settings_for(organisation=request.organisation).get_equality_basis_display()
    return form_page(
        request,
        form=form,
        title=_("About you"),
        submit_text=_("Save my answers"),
        template="inclusion/about_you.html",
        profile=profile,
        basis=basis,
    )


@member_required("view_equality")
def equality_report(request: MemberRequest) -> HttpResponse:
    # Money given over the last year, by project and with none left out for having no project.
    end = timezone.localdate()
    start = end - datetime.timedelta(days=365)
    totals, total = selectors.payment_totals(
        organisation=request.organisation, start=start, end=end
    )
    return render(
        request,
        "inclusion/equality.html",
        {
            "title": _("Who takes part"),
            "tables": selectors.equality_summary(organisation=request.organisation),
            "settings": selectors.settings_for(organisation=request.organisation),
            "can_settings": request.membership.can("manage_people"),
            "totals": totals,
            "total": total,
            "start": start,
            "end": end,
        },
    )


@member_required("view_equality")
def areas_edit(request: MemberRequest) -> HttpResponse:
    current = selectors.area_deciles(organisation=request.organisation)
    form = AreasForm(
        request.POST or None,
        initial={"areas": "\n".join(f"{a.district} {a.decile}" for a in current)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.area_deciles_save(
                acting_user=request.user,
                organisation=request.organisation,
                deciles=form.cleaned_data["areas"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Areas saved."))
            return redirect("inclusion:equality")
    return form_page(
        request,
        form=form,
        title=_("Areas and deprivation"),
        submit_text=_("Save areas"),
        back_url=reverse("inclusion:equality"),
    )


@member_required("manage_people")
def settings_edit(request: MemberRequest) -> HttpResponse:
    return settings_page(
        request,
        form_class=SettingsForm,
        current=selectors.settings_for(organisation=request.organisation),
        save=partial(
            services.settings_save, acting_user=request.user, organisation=request.organisation
        ),
        saved_message=_("Settings saved."),
        done_url=reverse("organisations:people"),
        title=_("Taking part: limits and equality"),
        submit_text=_("Save settings"),
        intro=_(
            "The same young people are often asked again and again. Staff see a warning on "
            "the register and the young person's page when someone passes this limit."
        ),
    )
