"""Naming the Designated Safeguarding Lead and deputies, and the organisation's settings."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, settings_page, show_errors
from coproduce.organisations.selectors import staff_for
from coproduce.safeguarding import selectors as sel
from coproduce.safeguarding import services
from coproduce.safeguarding.forms import SettingsForm, TeamForm


@member_required("manage_organisation")
def team(request: MemberRequest) -> HttpResponse:
    roles = list(sel.team_for(organisation=request.organisation))
    lead = next((r.membership for r in roles if r.is_lead), None)
    form = TeamForm(
        request.POST or None,
        staff=staff_for(organisation=request.organisation),
        initial={"lead": lead, "deputies": [r.membership for r in roles if not r.is_lead]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_set(
                acting_user=request.user,
                organisation=request.organisation,
                lead=form.cleaned_data["lead"],
                deputies=list(form.cleaned_data["deputies"]),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Safeguarding lead and deputies saved."))
            return redirect("safeguarding:index")
    return form_page(
        request,
        form=form,
        title=_("Safeguarding lead and deputies"),
        intro=_("They, and no one else, read every safeguarding concern."),
        submit_text=_("Save"),
        back_url=reverse("safeguarding:index"),
    )


@member_required("manage_organisation")
def safeguarding_settings(request: MemberRequest) -> HttpResponse:
    return settings_page(
        request,
        form_class=SettingsForm,
        current=sel.settings_for(organisation=request.organisation),
        save=partial(
            services.safeguarding_settings_set,
            acting_user=request.user,
            organisation=request.organisation,
        ),
        saved_message=_("Safeguarding settings saved."),
        done_url=reverse("safeguarding:index"),
        title=_("Safeguarding settings"),
        submit_text=_("Save"),
        back_url=reverse("safeguarding:index"),
    )
