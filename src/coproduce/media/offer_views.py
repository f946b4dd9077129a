"""Young people add their own photo or quote to a session they came to; staff approve it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.media import selectors as sel
from coproduce.media import services
from coproduce.media.forms import ApproveForm, OfferForm
from coproduce.projects.selectors import get_session_for


@member_required()
def offer(request: MemberRequest, session_id: int) -> HttpResponse:
    # Another organisation's session is not found, whoever asks; then only young people may.
    session = get_session_for(organisation=request.organisation, pk=session_id)
    if not request.membership.can("young_person"):
        raise PermissionDenied
    back = reverse("projects:detail", args=[session.project_id])
    form = OfferForm(request.POST or None, request.FILES or None, initial={"shows_me": True})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.media_offer(
                acting_user=request.user,
                young_person=request.membership,
                session=session,
                kind=data["kind"],
                caption=data["caption"],
                file=data["file"],
                quote_text=data["quote_text"],
                shows_me=data["shows_me"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Thanks! A youth worker will check it before it is shown anywhere.")
            )
            return redirect(back)
    return form_page(
        request,
        form=form,
        title=_("Add a photo or quote"),
        caption=f"{session.activity}, {session.date:%d %b %Y}",
        submit_text=_("Send it"),
        back_url=back,
    )


@member_required("staff")
def approve(request: MemberRequest, media_id: int) -> HttpResponse:
    item = sel.get_media_for(organisation=request.organisation, pk=media_id)
    if item.approved:
        raise Http404
    form = ApproveForm(
        request.POST or None,
        organisation=request.organisation,
        initial={"people": list(item.people.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.media_approve(
                acting_user=request.user, item=item, people=list(form.cleaned_data["people"])
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Approved"))
            return redirect("media:list")
    return form_page(
        request,
        form=form,
        title=_("Approve a young person's photo or quote"),
        caption=item.caption,
        intro=item.quote_text or None,
        submit_text=_("Approve"),
        back_url=reverse("media:list"),
    )
