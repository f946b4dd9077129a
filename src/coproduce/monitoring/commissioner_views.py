"""Pages for commissioners (read-only) and the admin's sharing switch."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coproduce.core.forms import period_from
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page
from coproduce.monitoring import commissioner
from coproduce.monitoring.forms import SharingForm
from coproduce.organisations.services import organisation_sharing_set


@member_required("manage_organisation")
def sharing(request: MemberRequest) -> HttpResponse:
    organisation = request.organisation
    form = SharingForm(
        request.POST or None,
        initial={"share": "yes" if organisation.share_with_commissioners else "no"},
    )
    if request.method == "POST" and form.is_valid():
        organisation_sharing_set(
            acting_user=request.user, organisation=organisation, share=form.cleaned_data["share"]
        )
        messages.success(request, _("Saved"))
        return redirect("monitoring:index")
    return form_page(
        request, form=form, title=_("Sharing with commissioners"), submit_text=_("Save")
    )


@member_required("observe")
def shared(request: MemberRequest) -> HttpResponse:
    form, start, end = period_from(request.GET)
    organisations = [
        (o, commissioner.shared_inclusion(o, start, end), commissioner.projects_shared(o))
        for o in commissioner.shared_with(request.user)
    ]
    return render(
        request,
        "monitoring/shared.html",
        {
            "title": _("Shared with you"),
            "organisations": organisations,
            "form": form,
            "query": request.GET.urlencode(),
            "start": start,
            "end": end,
        },
    )


@member_required()  # get_shared() answers 404 unless they commission for a sharing organisation
def shared_report(request: MemberRequest, organisation_slug: str, project_id: int) -> HttpResponse:
    organisation = commissioner.get_shared(request.user, organisation_slug)
    _form, start, end = period_from(request.GET)
    return render(
        request,
        "monitoring/shared_report.html",
        {
            "title": _("Monitoring report"),
            "organisation": organisation,
            "report": commissioner.shared_report(organisation, project_id, start, end),
        },
    )
