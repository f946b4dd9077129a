"""Setting a round up (staff) and reading it: the round page, criteria, lots, documents,
bids and the panel."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.commissioning import selectors as sel
from coproduce.commissioning import services
from coproduce.commissioning.forms import (
    BidForm,
    CriterionForm,
    DocumentForm,
    LotForm,
    PanelMemberForm,
    RoundForm,
)
from coproduce.commissioning.models import Round
from coproduce.commissioning.views._common import round_for, runner_round_for, send_file
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors


@member_required()
def index(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "commissioning/index.html",
        {
            "title": _("Commissioning panels"),
            "rounds": sel.rounds_for(request.membership),
            "can_start": sel.can_start_rounds(request.membership),
        },
    )


@member_required("decide_commissioning")
def round_new(request: MemberRequest) -> HttpResponse:
    form = RoundForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.round_create(
                acting_user=request.user,
                project=data["project"],
                title=data["title"],
                outcomes_sought=data["outcomes_sought"],
                budget_pence=data["budget"],
                briefing=data["briefing"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("commissioning:round", commissioning_id=round_.pk)
    return form_page(
        request,
        form=form,
        title=_("Start a commissioning round"),
        submit_text=_("Start the round"),
        back_url=reverse("commissioning:index"),
    )


@member_required()
def round_detail(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    round_ = round_for(request, commissioning_id)
    seat = sel.seat_of(round_, request.membership)
    staff = request.membership.is_staff_member
    context: dict[str, Any] = {
        "title": round_.title,
        "round": round_,
        "seat": seat,
        "staff": staff,
        "runner": sel.can_run_round(round_, request.membership, seat),
        "criteria": sel.criteria_of(round_),
        "scale": round_.scale_levels.all(),
        "bids": sel.bids_of(round_),
        "documents": round_.documents.all(),
        "lots": round_.lots.all(),
    }
    if staff:
        context["panel"] = sel.panel_of(round_)
        context["quorum"] = sel.quorum_of(round_)
    if not round_.is_open:
        context["moderation"] = sel.moderation_of(round_)
    return render(request, "commissioning/round.html", context)


def _add_page(
    request: MemberRequest,
    commissioning_id: int,
    *,
    form_class: Any,
    title: str,
    submit: str,
    save: Any,
    files: bool = False,
    needs_round: bool = False,
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    round_ = runner_round_for(request, commissioning_id)
    kwargs: dict[str, Any] = {"round_": round_} if needs_round else {}
    kwargs.update(form_kwargs or {})
    form = form_class(request.POST or None, (request.FILES or None) if files else None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            save(round_, form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Saved"))
            return redirect("commissioning:round", commissioning_id=round_.pk)
    return form_page(
        request,
        form=form,
        title=title,
        caption=round_.title,
        submit_text=submit,
        back_url=reverse("commissioning:round", kwargs={"commissioning_id": round_.pk}),
    )


@member_required("staff")
def criterion_add(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _add_page(
        request,
        commissioning_id,
        form_class=CriterionForm,
        title=_("Add a criterion"),
        submit=_("Add the criterion"),
        save=lambda r, d: services.criterion_add(acting_user=request.user, round_=r, **d),
    )


@member_required("staff")
def lot_add(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _add_page(
        request,
        commissioning_id,
        form_class=LotForm,
        title=_("Add a lot"),
        submit=_("Add the lot"),
        save=lambda r, d: services.lot_add(acting_user=request.user, round_=r, **d),
    )


@member_required("staff")
def document_add(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _add_page(
        request,
        commissioning_id,
        form_class=DocumentForm,
        title=_("Add a document"),
        submit=_("Upload the document"),
        save=lambda r, d: services.document_add(acting_user=request.user, round_=r, **d),
        files=True,
    )


@member_required("staff")
def bid_add(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    def save(round_: Round, data: dict[str, Any]) -> None:
        services.bid_add(
            acting_user=request.user,
            round_=round_,
            provider=data["provider"],
            contact_email=data["contact_email"],
            title=data["title"],
            lot=data.get("lot"),
            summary=data["summary"],
            amount_requested_pence=data["amount"],
            file=data.get("file"),
        )

    return _add_page(
        request,
        commissioning_id,
        form_class=BidForm,
        title=_("Add a bid"),
        submit=_("Add the bid"),
        save=save,
        files=True,
        needs_round=True,
    )


@member_required("staff")
def panel_add(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _add_page(
        request,
        commissioning_id,
        form_class=PanelMemberForm,
        title=_("Add someone to the panel"),
        submit=_("Add to the panel"),
        save=lambda r, d: services.panel_member_add(acting_user=request.user, round_=r, **d),
        needs_round=True,
        form_kwargs={"can_name_chair": sel.can_start_rounds(request.membership)},
    )


@member_required()
def document_download(
    request: MemberRequest, commissioning_id: int, document_id: int
) -> HttpResponseBase:
    round_ = round_for(request, commissioning_id)
    document = sel.get_document_for(round_=round_, pk=document_id)
    return send_file(document.file, request)


@member_required()
def bid_file(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponseBase:
    round_ = round_for(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    return send_file(bid.file, request)
