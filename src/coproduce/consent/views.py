from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.audit.services import record_view
from coproduce.consent import selectors as sel
from coproduce.consent import services
from coproduce.consent.forms import ConsentForm
from coproduce.consent.models import Use
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for


@member_required("staff")
def register(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    record_view(
        viewer=request.user, organisation=request.organisation, person=person, page="consent"
    )
    now = timezone.now()
    today = timezone.localdate(now)
    status = [(label, sel.consent_problem(person, use, today)) for use, label in Use.choices]
    return render(
        request,
        "consent/register.html",
        {
            "title": _("Consent register"),
            "person": person,
            "consents": sel.consents_of(person),
            "status": status,
            "today": today,
            "requests": [(r, sel.request_status(r, now)) for r in sel.consent_requests_of(person)],
            "can_ask": sel.parent_must_consent(person, today),
        },
    )


@member_required("staff")
def add(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_record(
                acting_user=request.user, young_person=person, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Consent recorded."))
            return redirect("consent:register", membership_id=person.pk)
    return form_page(
        request,
        form=form,
        title=_("Record consent"),
        caption=person.user.display_name,
        submit_text=_("Record consent"),
        back_url=reverse("consent:register", args=[person.pk]),
        intro=_("This young person is in care: identifiable photos and film cannot be recorded.")
        if person.in_care
        else None,
    )


@require_POST
@member_required("staff")
def withdraw(request: MemberRequest, consent_id: int) -> HttpResponse:
    consent = sel.get_consent_for(organisation=request.organisation, pk=consent_id)
    services.consent_withdraw(acting_user=request.user, consent=consent)
    messages.success(
        request,
        _("Consent withdrawn. It stops applying now, including to anything published from now on."),
    )
    return redirect("consent:register", membership_id=consent.young_person_id)
