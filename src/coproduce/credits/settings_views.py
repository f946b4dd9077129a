"""The page where a manager sets how the organisation counts and spends credits, and the
milestones it marks (hours of time given and what they bring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.bilingual import split_languages
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.forms import MILESTONE_TEXTS, CreditSettingsForm, MilestoneForm

if TYPE_CHECKING:
    from coproduce.credits.models import Milestone

# The hidden `action` each form on the page sends back.
ADD_MILESTONE, REMOVE_MILESTONE = "milestone_add", "milestone_remove"


@member_required("manage_organisation")
def credit_settings(request: MemberRequest) -> HttpResponse:
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == REMOVE_MILESTONE:
        return _remove_milestone(request)
    current = sel.settings_for(organisation=request.organisation)
    form = CreditSettingsForm(
        request.POST if request.method == "POST" and not action else None,
        initial={
            "minutes_per_credit": current.minutes_per_credit,
            "rounding_minutes": current.rounding_minutes,
            "cancel_within_days": current.cancel_within_days,
            "allow_giving": current.allow_giving,
        },
    )
    milestone_form = MilestoneForm(
        request.POST if action == ADD_MILESTONE else None,
        prefix="milestone",
        instance=_milestone_to_change(request),
    )
    if action == ADD_MILESTONE and milestone_form.is_valid():
        data, texts = split_languages(milestone_form, MILESTONE_TEXTS)
        try:
            services.milestone_save(
                acting_user=request.user,
                organisation=request.organisation,
                translations=texts,
                **data,
            )
        except ValidationError as error:
            show_errors(milestone_form, error)
        else:
            messages.success(request, _("Milestone saved."))
            return redirect("credits:settings")
    elif request.method == "POST" and not action and form.is_valid():
        try:
            services.credit_settings_update(
                acting_user=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Credit settings saved."))
            return redirect("credits:overview")
    return form_page(
        request,
        form=form,
        title=_("Credit settings"),
        submit_text=_("Save settings"),
        back_url=reverse("credits:overview"),
        template="credits/settings.html",
        milestones=sel.milestones_for(organisation=request.organisation),
        milestone_form=milestone_form,
        add_action=ADD_MILESTONE,
        remove_action=REMOVE_MILESTONE,
    )


def _milestone_to_change(request: MemberRequest) -> Milestone | None:
    """`?change=50`: the milestone at 50 hours, whose form then starts from what it brings."""
    try:
        hours = int(request.GET.get("change", ""))
    except ValueError:
        return None
    return sel.milestone_at(organisation=request.organisation, hours=hours)


def _remove_milestone(request: MemberRequest) -> HttpResponse:
    try:
        hours = int(request.POST.get("hours", ""))
    except ValueError:
        return redirect("credits:settings")
    services.milestone_remove(
        acting_user=request.user, organisation=request.organisation, hours=hours
    )
    messages.success(request, _("Milestone removed."))
    return redirect("credits:settings")
