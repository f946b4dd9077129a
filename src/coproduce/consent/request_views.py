"""Staff pages for requests to parents and carers: make a link, print it, see every answer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.consent import selectors as sel
from coproduce.consent import services
from coproduce.consent.forms import ConsentRequestForm
from coproduce.consent.models import MEANING, Use
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.organisations.selectors import get_person_for


@member_required("staff")
def ask(request: MemberRequest, membership_id: int) -> HttpResponse:
    person = get_person_for(organisation=request.organisation, pk=membership_id)
    form = ConsentRequestForm(
        request.POST or None, initial={"language": request.organisation.default_language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            consent_request, raw = services.consent_request_create(
                acting_user=request.user, young_person=person, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            link = request.build_absolute_uri(reverse("consent:parent", args=[raw]))
            return render(
                request,
                "consent/request_made.html",
                {
                    "title": _("Consent link made"),
                    "person": person,
                    "consent_request": consent_request,
                    "link": link,
                    "emailed": consent_request.emailed_at is not None,
                    "uses": [(Use(use).label, MEANING[Use(use)]) for use in sel.uses_asked(person)],
                },
            )
    return form_page(
        request,
        form=form,
        title=_("Ask for consent online"),
        caption=person.user.display_name,
        submit_text=_("Make the link"),
        back_url=reverse("consent:register", args=[person.pk]),
        intro=_(
            "This young person is in care: name the person with delegated authority to give "
            "consent. Identifiable photos and film are never published, whatever they answer."
        )
        if person.in_care
        else _(
            "Name one parent or carer. They get a link to a page where they give or refuse "
            "each use and sign with their name. They can come back to the same link to withdraw."
        ),
    )


@member_required("staff")
def requests(request: MemberRequest) -> HttpResponse:
    page = Paginator(sel.consent_requests_for(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    now = timezone.now()
    return render(
        request,
        "consent/requests.html",
        {
            "title": _("Consent requests to parents and carers"),
            "page": page,
            "rows": [(r, sel.request_status(r, now)) for r in page],
        },
    )


@require_POST
@member_required("staff")
def cancel(request: MemberRequest, request_id: int) -> HttpResponse:
    consent_request = sel.get_consent_request_for(organisation=request.organisation, pk=request_id)
    services.consent_request_cancel(acting_user=request.user, consent_request=consent_request)
    messages.success(request, _("The link no longer works. Consent it gave still applies."))
    return redirect("consent:register", membership_id=consent_request.young_person_id)
