"""Pages for time credits: a young person's own credits, staff awarding and rewards."""

from __future__ import annotations

import io
import uuid
from decimal import Decimal

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core import downloads
from coproduce.core.bilingual import add_welsh_fields, split_languages
from coproduce.core.forms import period_from
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.credits import selectors as sel
from coproduce.credits import services
from coproduce.credits.forms import (
    AccreditationForm,
    AwardForm,
    CancelForm,
    GiveForm,
    ImportForm,
    RewardForm,
)
from coproduce.credits.models import Category, CheckIn, CreditSettings
from coproduce.projects.selectors import attended_at, get_session_for


@member_required("young_person")
def me(request: MemberRequest) -> HttpResponse:
    balance, lifetime = sel.balance_of(request.membership)
    settings_ = sel.settings_for(organisation=request.organisation)
    statement = sel.statement_with_balance(request.membership, request.GET.get("page"))
    rewards = list(sel.rewards_for(organisation=request.organisation, on_offer_only=True))
    for reward in rewards:
        reward.price_credits = settings_.credits(reward.price_minutes)  # type: ignore[attr-defined]
        reward.short_by = max(  # type: ignore[attr-defined]
            settings_.credits(reward.price_minutes - balance), Decimal(0)
        )
    now = timezone.now()
    bookings = list(sel.redemptions_of(request.membership))
    for booking in bookings:
        deadline = settings_.cancel_deadline(booking.created_at)
        booking.can_cancel_until = (  # type: ignore[attr-defined]
            deadline if booking.cancelled_at is None and deadline and now <= deadline else None
        )
    return render(
        request,
        "credits/me.html",
        {
            "title": _("My credits"),
            "credits": settings_.credits(balance),
            "hours": settings_.hours(lifetime),
            "page": statement,
            "rows": [(e, settings_.credits(m), settings_.credits(b)) for e, m, b in statement],
            "rewards": rewards,
            "bookings": bookings,
            "per_credit": settings_.minutes_per_credit,
            "recognitions": sel.recognitions_shown_to(request.membership),
            "key": uuid.uuid4().hex,
            "can_give": settings_.allow_giving,
        },
    )


@member_required("staff")
def overview(request: MemberRequest) -> HttpResponse:
    unit = sel.settings_for(organisation=request.organisation)
    period, start, end = period_from(request.GET)
    summary = sel.summary_for(organisation=request.organisation, start=start, end=end)
    accounts = Paginator(sel.young_people_balances(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "credits/overview.html",
        {
            "title": _("Time credits"),
            "summary": summary,
            "form": period,
            "start": start,
            "end": end,
            "unit": unit,
            "per_credit": unit.minutes_per_credit,
            "can_manage": request.membership.can("manage_organisation"),
            "can_manage_people": request.membership.can("manage_people"),
            "accounts": accounts,
            "page": accounts,
            "rewards": sel.rewards_for(organisation=request.organisation),
            "sanctioned": sel.sanctioned_time_for(organisation=request.organisation)[:20],
            "milestone_rewards": sel.milestone_rewards_for(organisation=request.organisation),
        },
    )


@member_required("staff")
def export_csv(request: MemberRequest) -> HttpResponse:
    """Balances for every young person: made by the worker (credits/exports.py)."""
    return downloads.prepare_response(
        request, kind="credits.balances_csv", params={}, back_url=reverse("credits:overview")
    )


@member_required("staff")
def award(request: MemberRequest) -> HttpResponse:
    form = AwardForm(
        request.POST or None, organisation=request.organisation, initial={"key": uuid.uuid4().hex}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        key = data["key"] or uuid.uuid4().hex
        minutes = CreditSettings.minutes_for_hours(data["hours"])
        try:
            if data["sanction"]:
                # Time someone was made to give is recorded but earns nothing (seed 001).
                services.sanctioned_time_record(
                    acting_user=request.user,
                    membership=data["young_person"],
                    minutes=minutes,
                    reason=data["reason"],
                    idempotency_key="sanction:" + key,
                )
            else:
                services.credits_award(
                    acting_user=request.user,
                    membership=data["young_person"],
                    minutes=minutes,
                    reason=data["reason"],
                    partner_name=data["partner_name"],
                    category=Category.PARTNER if data["partner_name"] else Category.AWARD,
                    idempotency_key="award:" + key,
                )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if data["sanction"]:
                messages.success(request, _("Hours recorded as a sanction. No credits given."))
            else:
                messages.success(request, _("Credits awarded."))
            return redirect("credits:overview")
    return form_page(
        request,
        form=form,
        title=_("Award credits"),
        submit_text=_("Award credits"),
        back_url=reverse("credits:overview"),
        template="credits/award.html",
    )


# How often the open check-in page looks for new check-ins (credits/check-ins.js).
CHECK_IN_REFRESH_SECONDS = 10


@member_required("staff")
def session_issue(request: MemberRequest, session_id: int) -> HttpResponse:
    session = get_session_for(organisation=request.organisation, pk=session_id)
    if request.method == "POST":
        entries = services.check_ins_confirm(acting_user=request.user, session=session)
        messages.success(request, _("Credits issued to %(n)s young people.") % {"n": len(entries)})
        return redirect("credits:overview")
    check_ins = list(sel.check_ins_at(session=session))
    if request.GET.get("part") == "check-ins":  # the page's script asks for the list alone
        return render(request, "credits/_check_ins.html", {"check_ins": check_ins})
    unit = sel.settings_for(organisation=request.organisation)
    link = request.build_absolute_uri(
        reverse("credits:check_in", args=[services.check_in_token(session)])
    )
    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    return render(
        request,
        "credits/session_issue.html",
        {
            "title": _("Check-in and credits"),
            "session": session,
            "credits": unit.credits(unit.rounded(session.duration_minutes)),
            "per_credit": unit.minutes_per_credit,
            "present": attended_at(session=session),
            "check_ins": check_ins,
            "refresh_seconds": CHECK_IN_REFRESH_SECONDS,
            "stop_after_seconds": settings.SESSION_IDLE_SECONDS,
            "qr_svg": buffer.getvalue().decode().split("?>", 1)[-1],
            "code": services.check_in_code(session),
            "link": link,
        },
    )


@member_required()
def check_in(request: MemberRequest, token: str) -> HttpResponse:
    """A young person scans the session's code on their phone to check in, then out."""
    try:
        session_id = services.session_id_from_token(token)
    except ValidationError as error:
        return render(
            request, "credits/check_in.html", {"title": _("Check in"), "error": error.messages[0]}
        )
    session = get_session_for(organisation=request.organisation, pk=session_id)
    if not request.membership.is_young_person:
        raise PermissionDenied
    row: CheckIn | None
    if request.method == "POST":
        row = services.check_in_toggle(membership=request.membership, session=session)
    else:
        row = sel.check_in_of(session=session, membership=request.membership)
    return render(
        request, "credits/check_in.html", {"title": _("Check in"), "session": session, "row": row}
    )


@member_required("manage_people")
def reward_add(request: MemberRequest) -> HttpResponse:
    form = RewardForm(request.POST or None)
    add_welsh_fields(form, ("name", "description"))
    if request.method == "POST" and form.is_valid():
        data, texts = split_languages(form, ("name", "description"))
        settings_ = sel.settings_for(organisation=request.organisation)
        services.reward_create(
            acting_user=request.user,
            organisation=request.organisation,
            name=data["name"],
            description=data["description"],
            places=data["places"],
            price_minutes=settings_.minutes_for_credits(data["credits"]),
            translations=texts,
        )
        messages.success(request, _("Reward added."))
        return redirect("credits:overview")
    return form_page(
        request,
        form=form,
        title=_("Add a reward"),
        submit_text=_("Add reward"),
        back_url=reverse("credits:overview"),
    )


@member_required("staff")
def redemption_cancel(request: MemberRequest, redemption_id: int) -> HttpResponse:
    redemption = sel.get_redemption_for(organisation=request.organisation, pk=redemption_id)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.redemption_cancel(
            acting_user=request.user, redemption=redemption, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Booking cancelled and credits refunded."))
        return redirect("credits:overview")
    return form_page(
        request,
        form=form,
        title=_("Cancel a booking"),
        caption=f"{redemption.reward.name}: {redemption.young_person.user.display_name}",
        submit_text=_("Cancel booking and refund"),
        back_url=reverse("credits:overview"),
    )


@member_required("manage_people")
def hours_import(request: MemberRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
        result = services.hours_import(
            acting_user=request.user, organisation=request.organisation, text=text
        )
        if not result.problems:
            messages.success(request, _("%(n)s rows imported.") % {"n": result.posted})
            return redirect("credits:overview")
        problems = result.problems
        form.add_error("file", _("Nothing was imported. Fix the rows listed below and try again."))
    return form_page(
        request,
        form=form,
        title=_("Import earlier hours"),
        submit_text=_("Check and import"),
        back_url=reverse("credits:overview"),
        template="credits/import.html",
        problems=problems,
    )


@member_required("staff")
def accreditation_add(request: MemberRequest) -> HttpResponse:
    form = AccreditationForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.accreditation_record(
                acting_user=request.user,
                membership=form.cleaned_data["young_person"],
                scheme=form.cleaned_data["scheme"],
                title=form.cleaned_data["title"],
                hours=form.cleaned_data["hours"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Accreditation recorded."))
            return redirect("credits:overview")
    return form_page(
        request,
        form=form,
        title=_("Record an accreditation"),
        submit_text=_("Save"),
        back_url=reverse("credits:overview"),
    )


@member_required()
def certificate(request: MemberRequest, recognition_id: int) -> HttpResponse:
    recognition = sel.get_recognition_for(organisation=request.organisation, pk=recognition_id)
    if request.membership.is_young_person and recognition.young_person_id != request.membership.pk:
        return redirect("credits:me")
    if not request.membership.is_young_person and not request.membership.is_staff_member:
        return redirect("home")
    back = "credits:me" if request.membership.is_young_person else "credits:overview"
    return downloads.prepare_response(
        request,
        kind="credits.certificate",
        params={"recognition_id": recognition.pk},
        back_url=reverse(back),
    )


@member_required("young_person")
def give(request: MemberRequest) -> HttpResponse:
    """Reciprocity (indicator 6 of the nef framework): young people give credits to each other."""
    settings_ = sel.settings_for(organisation=request.organisation)
    if not settings_.allow_giving:
        raise PermissionDenied
    form = GiveForm(
        request.POST or None, giver=request.membership, initial={"key": uuid.uuid4().hex}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.credits_give(
                acting_user=request.user,
                giver=request.membership,
                receiver=data["receiver"],
                minutes=settings_.minutes_for_credits(data["credits"]),
                reason=data["reason"],
                idempotency_key="give:" + (data["key"] or uuid.uuid4().hex),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Credits given. Thank you!"))
            return redirect("credits:me")
    return form_page(
        request,
        form=form,
        title=_("Give some credits"),
        submit_text=_("Give credits"),
        back_url=reverse("credits:me"),
    )
