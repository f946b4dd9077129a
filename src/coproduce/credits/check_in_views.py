"""Checking in without staff help: typing the session's code when the QR code cannot be scanned."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.forms import CheckInCodeForm


@member_required("young_person")
def check_in_by_code(request: MemberRequest) -> HttpResponse:
    form = CheckInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_for_code(
                organisation=request.organisation, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if sel.check_in_of(session=session, membership=request.membership) is None:
                services.check_in_toggle(membership=request.membership, session=session)
            return redirect("credits:check_in", token=services.check_in_token(session))
    return form_page(
        request,
        form=form,
        title=_("Check in with a code"),
        intro=_("Can't scan the QR code? Type the code shown at the session instead."),
        submit_text=_("Check in"),
        back_url=reverse("home"),
    )
