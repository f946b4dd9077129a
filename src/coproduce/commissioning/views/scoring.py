"""Each panel member's own pages: the briefing, declaring interests, scoring, submitting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.commissioning import selectors as sel
from coproduce.commissioning import services
from coproduce.commissioning.forms import BriefingForm, DeclarationForm, ScoreForm
from coproduce.commissioning.views._common import round_for
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors


@member_required()
def score_home(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    """A panel member's own page: the briefing first, then their bids, then submit."""
    round_ = round_for(request, commissioning_id)
    seat = sel.seat_required(round_, request.membership)
    if seat.briefed_at is None:
        form = BriefingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.briefing_confirm(acting_user=request.user, member=seat)
            return redirect("commissioning:score", commissioning_id=round_.pk)
        return render(
            request,
            "commissioning/briefing.html",
            {
                "title": _("Before you score"),
                "round": round_,
                "form": form,
                "criteria": sel.criteria_of(round_),
                "scale": round_.scale_levels.all(),
            },
        )
    declared = sel.declarations_of(seat)
    scored = sel.scores_of(seat)
    criteria = sel.criteria_of(round_)
    rows = []
    for bid in sel.bids_of(round_):
        done = sum(1 for c in criteria if (bid.pk, c.pk) in scored)
        rows.append({"bid": bid, "declaration": declared.get(bid.pk), "done": done})
    return render(
        request,
        "commissioning/score_home.html",
        {
            "title": _("Score the bids"),
            "round": round_,
            "seat": seat,
            "rows": rows,
            "criteria_count": len(criteria),
            "missing": len(sel.missing_for(seat)),
        },
    )


@require_POST
@member_required()
def scores_submit(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    round_ = round_for(request, commissioning_id)
    seat = sel.seat_required(round_, request.membership)
    try:
        services.scores_submit(acting_user=request.user, member=seat)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("commissioning:score", commissioning_id=round_.pk)
    messages.success(
        request, _("Your scores are submitted. You can now see the whole panel's scores.")
    )
    return redirect("commissioning:moderation", commissioning_id=round_.pk)


@member_required()
def bid_declare(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = round_for(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    seat = sel.seat_required(round_, request.membership)
    current = sel.declarations_of(seat).get(bid.pk)
    initial = (
        {"has_interest": "yes" if current.has_interest else "no", "details": current.details}
        if current
        else None
    )
    form = DeclarationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = services.declaration_make(
                acting_user=request.user, member=seat, bid=bid, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if declaration.has_interest:
                messages.info(request, _("Thank you. You will not score this bid."))
                return redirect("commissioning:score", commissioning_id=round_.pk)
            return redirect("commissioning:bid_score", commissioning_id=round_.pk, bid_id=bid.pk)
    return form_page(
        request,
        form=form,
        title=_("Do you have an interest in this bid?"),
        caption=f"{bid.provider}: {bid.title}",
        submit_text=_("Continue"),
        back_url=reverse("commissioning:score", kwargs={"commissioning_id": round_.pk}),
    )


@member_required()
def bid_score(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = round_for(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    seat = sel.seat_required(round_, request.membership)
    declaration = sel.declarations_of(seat).get(bid.pk)
    if declaration is None or declaration.has_interest:
        return redirect("commissioning:bid_declare", commissioning_id=round_.pk, bid_id=bid.pk)
    criteria = sel.criteria_of(round_)
    mine = sel.scores_of(seat)
    initial: dict[str, object] = {}
    for c in criteria:
        if (bid.pk, c.pk) in mine:
            initial[f"score_{c.pk}"] = mine[(bid.pk, c.pk)].score
            initial[f"comment_{c.pk}"] = mine[(bid.pk, c.pk)].comment
    form = ScoreForm(
        request.POST or None,
        initial=initial,
        round_=round_,
        criteria=criteria,
        comment_label=_("Why did you give this score?"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.bid_score(acting_user=request.user, member=seat, bid=bid, scores=form.scores())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("Scores saved for %(provider)s") % {"provider": bid.provider}
            )
            return redirect("commissioning:score", commissioning_id=round_.pk)
    return render(
        request,
        "commissioning/bid_score.html",
        {
            "title": bid.title,
            "round": round_,
            "bid": bid,
            "form": form,
            "submit_text": _("Save my scores"),
        },
    )
