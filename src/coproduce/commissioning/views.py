"""Pages for commissioning rounds: set-up (staff), scoring (each panel member), the
moderation meeting, the decision and its exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.commissioning import exports, services
from coproduce.commissioning import selectors as sel
from coproduce.commissioning.forms import (
    BidForm,
    BriefingForm,
    CriterionForm,
    DeclarationForm,
    DocumentForm,
    FinaliseForm,
    LotForm,
    ModerateForm,
    PanelMemberForm,
    RoundForm,
    ScoreForm,
)
from coproduce.commissioning.models import Round
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, private_file, show_errors


def _round(request: MemberRequest, commissioning_id: int) -> Round:
    return sel.get_round_for(membership=request.membership, pk=commissioning_id)


def _staff_round(request: MemberRequest, commissioning_id: int) -> Round:
    # Look the round up first so a foreign round is 404 whoever asks.
    round_ = _round(request, commissioning_id)
    if not request.membership.is_staff_member:
        raise PermissionDenied
    return round_


@member_required()
def index(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "commissioning/index.html",
        {"title": _("Commissioning panels"), "rounds": sel.rounds_for(request.membership)},
    )


@member_required("staff")
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
    round_ = _round(request, commissioning_id)
    seat = sel.seat_of(round_, request.membership)
    staff = request.membership.is_staff_member
    context: dict[str, Any] = {
        "title": round_.title,
        "round": round_,
        "seat": seat,
        "staff": staff,
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
) -> HttpResponse:
    round_ = _staff_round(request, commissioning_id)
    kwargs = {"round_": round_} if needs_round else {}
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
    )


def _file(field: Any) -> HttpResponse:
    if not field:
        raise PermissionDenied
    return private_file(
        field, filename=field.name.rsplit("/", 1)[-1], content_type="application/octet-stream"
    )


@member_required()
def document_download(
    request: MemberRequest, commissioning_id: int, document_id: int
) -> HttpResponse:
    round_ = _round(request, commissioning_id)
    document = sel.get_document_for(round_=round_, pk=document_id)
    return _file(document.file)


@member_required()
def bid_file(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = _round(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    return _file(bid.file)


@member_required()
def score_home(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    """A panel member's own page: the briefing first, then their bids, then submit."""
    round_ = _round(request, commissioning_id)
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
    round_ = _round(request, commissioning_id)
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
    round_ = _round(request, commissioning_id)
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
    round_ = _round(request, commissioning_id)
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


@member_required()
def moderation(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    round_ = _round(request, commissioning_id)
    if not sel.can_see_panel_scores(round_, request.membership):
        return render(
            request,
            "commissioning/not_yet.html",
            {"title": _("Submit your own scores first"), "round": round_},
            status=403,
        )
    staff = request.membership.is_staff_member
    return render(
        request,
        "commissioning/moderation.html",
        {
            "title": _("Moderation"),
            "round": round_,
            "m": sel.moderation_of(round_),
            "staff": staff,
            "finalise_form": FinaliseForm() if staff and round_.is_open else None,
        },
    )


@member_required("staff")
def bid_moderate(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = _staff_round(request, commissioning_id)
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
    round_ = _staff_round(request, commissioning_id)
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
            "staff": True,
            "finalise_form": form,
        },
        status=400,
    )


@member_required("staff")
def matrix_csv(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return exports.matrix_csv(_staff_round(request, commissioning_id))


@member_required("staff")
def matrix_xlsx(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return exports.matrix_xlsx(_staff_round(request, commissioning_id))


@member_required("staff")
def decision_pdf(request: MemberRequest, commissioning_id: int) -> HttpResponse:
    return exports.decision_pdf(_staff_round(request, commissioning_id))


@member_required("staff")
def feedback_letter(request: MemberRequest, commissioning_id: int, bid_id: int) -> HttpResponse:
    round_ = _staff_round(request, commissioning_id)
    bid = sel.get_bid_for(round_=round_, pk=bid_id)
    if round_.is_open:
        messages.error(request, _("Feedback letters are ready once the round is decided."))
        return redirect("commissioning:round", commissioning_id=round_.pk)
    return exports.feedback_letter(round_, bid)
