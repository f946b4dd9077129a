"""The page where a manager sets how the organisation counts and spends credits."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.forms import CreditSettingsForm


@member_required("manage_organisation")
def credit_settings(request: MemberRequest) -> HttpResponse:
    current = sel.settings_for(organisation=request.organisation)
    form = CreditSettingsForm(
        request.POST or None,
        initial={
            "minutes_per_credit": current.minutes_per_credit,
            "rounding_minutes": current.rounding_minutes,
            "cancel_within_days": current.cancel_within_days,
            "allow_giving": current.allow_giving,
        },
    )
    if request.method == "POST" and form.is_valid():
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
    )
