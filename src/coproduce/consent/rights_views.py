"""Pages for people's rights: download everything held, erasure, and the retention policy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.consent import rights
from coproduce.consent.forms import EraseForm, RetentionForm
from coproduce.consent.selectors import settings_for
from coproduce.consent.services import retention_set
from coproduce.core import downloads
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page
from coproduce.organisations.selectors import get_person_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Membership


def _zip(
    request: MemberRequest, person: Membership, *, back_url: str, for_the_subject: bool = False
) -> HttpResponse:
    """The ZIP (photos and films included) is made by the worker; this page waits for it
    (see `rights.subject_access_file`)."""
    return downloads.prepare_response(
        request,
        kind="consent.subject_access",
        params={"membership_id": person.pk, "for_the_subject": for_the_subject},
        back_url=back_url,
    )


@member_required("manage_people")
def export(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    back = reverse("organisations:person", kwargs={"membership_id": person.pk})
    return _zip(request, person, back_url=back)


@member_required("young_person")
def my_data(request: MemberRequest) -> HttpResponse:
    """Young people can download what we hold about them themselves (Children's code 15)."""
    return _zip(request, request.membership, back_url=reverse("home"), for_the_subject=True)


@member_required("manage_organisation")
def erase(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rights.person_erase(
            acting_user=request.user, membership=person, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Their personal data has been erased. Totals and statistics are unchanged.")
        )
        return redirect("organisations:people")
    return form_page(
        request,
        form=form,
        title=_("Erase %(name)s's personal data") % {"name": person.user.display_name},
        intro=_(
            "Their name, contact details, date of birth (all but the year), what they wrote, and photos, "
            "films and quotes they are in are removed. Hours, credits, scores and attendance stay, without "
            "their name, so the organisation's totals stay right."
        ),
        submit_text=_("Erase their personal data"),
        back_url=reverse("organisations:person", kwargs={"membership_id": person.pk}),
    )


@member_required("manage_organisation")
def retention(request: MemberRequest) -> HttpResponse:
    policy = settings_for(organisation=request.organisation)
    form = RetentionForm(request.POST or None, initial={"years": policy.years})
    if request.method == "POST" and form.is_valid():
        retention_set(
            acting_user=request.user,
            organisation=request.organisation,
            years=form.cleaned_data["years"],
        )
        messages.success(request, _("Retention policy saved"))
        return redirect("consent:retention")
    return form_page(
        request,
        form=form,
        title=_("How long we keep personal data"),
        submit_text=_("Save"),
    )
