"""The moderation meeting, the decision and its exports (staff; members see the results)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.commissioning import exports, services
from coproduce.commissioning import selectors as sel
from coproduce.commissioning.forms import FinaliseForm, ModerateForm
from coproduce.commissioning.views._common import round_for, runner_round_for
from coproduce.core import downloads
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import show_errors

if TYPE_CHECKING:
    from coproduce.commissioning.models import Round


@member_required()
def moderation(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    round_ = round_for(request, commissioning_id)
    if not sel.can_see_panel_scores(round_, request.membership):
        return render(
            request,
            "commissioning/not_yet.html",
            {"title": _("Submit your own scores first"), "round": round_},
            status=403,
        )
    runner = sel.can_run_round(round_, request.membership)
    return render(
        request,
        "commissioning/moderation.html",
        {
            "title": _("Moderation"),
            "round": round_,
            "m": sel.moderation_of(round_),
            "runner": runner,
            "finalise_form": FinaliseForm() if runner and round_.is_open else None,
        },
    )


@member_required("staff")
def bid_moderate(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = runner_round_for(request, commissioning_id)
    if not sel.can_see_panel_scores(round_, request.membership):
        raise PermissionDenied  # a chair on the panel scores on their own first
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    criteria = sel.criteria_of(round_)
    agreed = {a.criterion_id: a for a in bid.agreed_scores.all()}
    initial: dict[str, Any] = {"panel_reasons": bid.panel_reasons}
    award = getattr(bid, "award", None)
    initial["amount"] = f"{(award.amount_pence if award else 0) / 100:.2f}"
    for c in criteria:
        if c.pk in agreed:
            initial[f"score_{c.pk}"], initial[f"comment_{c.pk}"] = (
                agreed[c.pk].score,
                agreed[c.pk].rationale,
            )
    form = ModerateForm(request.POST or None, initial=initial, bid=bid, criteria=criteria)
    if request.method == "POST" and form.is_valid():
        try:
            services.bid_moderate(
                acting_user=request.user,
                acting_membership=request.membership,
                bid=bid,
                agreed=form.scores(),
                panel_reasons=form.cleaned_data["panel_reasons"],
                award_pence=form.cleaned_data["amount"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Saved the panel's decision on %(provider)s") % {"provider": bid.provider},
            )
            return redirect("commissioning:moderation", commissioning_id=round_.pk)
    result = next(r for r in sel.moderation_of(round_).results if r.bid.pk == bid.pk)
    return render(
        request,
        "commissioning/bid_moderate.html",
        {
            "title": _("Agree the scores"),
            "round": round_,
            "bid": bid,
            "form": form,
            "result": result,
            "submit_text": _("Save the agreed scores"),
        },
    )


@require_POST
@member_required("staff")
def finalise(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    round_ = runner_round_for(request, commissioning_id)
    form = FinaliseForm(request.POST)
    if form.is_valid():
        try:
            services.round_finalise(
                acting_user=request.user,
                acting_membership=request.membership,
                round_=round_,
                decision_summary=form.cleaned_data["decision_summary"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The round is decided. The panel has been told."))
            return redirect("commissioning:round", commissioning_id=round_.pk)
    return render(
        request,
        "commissioning/moderation.html",
        {
            "title": _("Moderation"),
            "round": round_,
            "m": sel.moderation_of(round_),
            "runner": True,
            "finalise_form": form,
        },
        status=400,
    )


@member_required("staff")
def matrix_csv(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return exports.matrix_csv(runner_round_for(request, commissioning_id))


def _prepare(request: MemberRequest, round_: Round, kind: str, **extra: int) -> HttpResponse:
    """The spreadsheet and the PDFs are made by the worker; this page waits for them."""
    return downloads.prepare_response(
        request,
        kind=kind,
        params=exports.runner_params(round_, request.membership.pk, **extra),
        back_url=reverse("commissioning:round", kwargs={"commissioning_id": round_.pk}),
    )


@member_required("staff")
def matrix_xlsx(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _prepare(
        request, runner_round_for(request, commissioning_id), "commissioning.matrix_xlsx"
    )


@member_required("staff")
def decision_pdf(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return _prepare(
        request, runner_round_for(request, commissioning_id), "commissioning.decision_pdf"
    )


@member_required("staff")
def feedback_letter(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = runner_round_for(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    if round_.is_open:
        messages.error(request, _("Feedback letters are ready once the round is decided."))
        return redirect("commissioning:round", commissioning_id=round_.pk)
    return _prepare(request, round_, "commissioning.feedback_letter", bid_id=bid.pk)
