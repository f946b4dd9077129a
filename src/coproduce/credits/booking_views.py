"""A young person books a reward (after seeing what it costs and what is left) and may cancel it
themselves until the organisation's cut-off."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coproduce.core.http import MemberRequest, member_required
from coproduce.credits import selectors as sel
from coproduce.credits import services


@member_required()
def redeem(request: MemberRequest, reward_id: int) -> HttpResponse:
    """GET: what it costs and what would be left; POST: book it (once per key)."""
    # Look the reward up first: another organisation's reward is 404 whoever asks.
    reward = sel.get_reward_for(organisation=request.organisation, pk=reward_id)
    if not request.membership.is_young_person:
        raise PermissionDenied
    if request.method == "POST":
        key = "redeem:" + request.POST.get("key", "")[:64]
        try:
            services.reward_redeem(
                acting_user=request.user,
                membership=request.membership,
                reward=reward,
                idempotency_key=key,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Booked: %(name)s.") % {"name": reward.name})
        return redirect("credits:me")
    settings_ = sel.settings_for(organisation=request.organisation)
    balance, _lifetime = sel.balance_of(request.membership)
    price = settings_.credits(reward.price_minutes)
    left = settings_.credits(balance - reward.price_minutes)
    return render(
        request,
        "credits/book_confirm.html",
        {
            "title": _("Book %(name)s?") % {"name": reward.name},
            "reward": reward,
            "price": price,
            "balance": settings_.credits(balance),
            "left": left,
            "short_by": max(-left, Decimal(0)),
            "cancel_within_days": settings_.cancel_within_days,
            "key": uuid.uuid4().hex,
        },
    )


@member_required()
def booking_cancel(request: MemberRequest, redemption_id: int) -> HttpResponse:
    # Look the booking up first: another organisation's booking is 404 whoever asks.
    redemption = sel.get_redemption_for(organisation=request.organisation, pk=redemption_id)
    if redemption.young_person_id != request.membership.pk:
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.redemption_cancel_own(
                acting_user=request.user, membership=request.membership, redemption=redemption
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Booking cancelled. Your credits are back."))
        return redirect("credits:me")
    settings_ = sel.settings_for(organisation=request.organisation)
    return render(
        request,
        "credits/booking_cancel.html",
        {
            "title": _("Cancel your booking?"),
            "redemption": redemption,
            "refund": settings_.credits(redemption.entry.minutes),
        },
    )
