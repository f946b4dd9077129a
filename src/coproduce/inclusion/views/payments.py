"""Money given to young people: record, approve and export for finance."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coproduce.core import downloads
from coproduce.core.forms import PeriodForm
from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, private_file, show_errors
from coproduce.inclusion import selectors, services
from coproduce.inclusion.forms import PaymentForm, ReceiptForm


@member_required("staff")
def payments(request: MemberRequest) -> HttpResponse:
    today = timezone.localdate()
    period = PeriodForm(
        request.GET or None,
        initial={"start": today.replace(day=1) - datetime.timedelta(days=90), "end": today},
    )
    page = Paginator(selectors.payments_for(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    # The totals' own period (prefixed, so it can sit on the page beside the export's).
    shown = PeriodForm(request.GET or None, prefix="totals", initial=period.initial)
    start, end = period.initial["start"], period.initial["end"]
    if any(k.startswith("totals-") for k in request.GET) and shown.is_valid():
        start, end = shown.cleaned_data["start"], shown.cleaned_data["end"]
    totals, total = selectors.payment_totals(
        organisation=request.organisation, start=start, end=end
    )
    return render(
        request,
        "inclusion/payments.html",
        {
            "title": _("Payments to young people"),
            "page": page,
            "period": period,
            "can_approve": request.membership.can("approve_payments"),
            "shown": shown,
            "totals": totals,
            "total": total,
            "start": start,
            "end": end,
        },
    )


@member_required("staff")
def payment_add(request: MemberRequest) -> HttpResponse:
    form = PaymentForm(
        request.POST or None,
        request.FILES or None,
        organisation=request.organisation,
        initial={"young_person": request.GET.get("young_person")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.payment_record(
                acting_user=request.user,
                recorded_by=request.membership,
                young_person=data["young_person"],
                kind=data["kind"],
                purpose=data["purpose"],
                amount_pence=int(data["amount"] * 100),
                method=data["method"],
                paid_on=data["paid_on"],
                project=data["project"],
                receipt=data["receipt"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Payment recorded. A manager will approve it."))
            return redirect("inclusion:payments")
    return form_page(
        request,
        form=form,
        title=_("Record a payment"),
        submit_text=_("Record payment"),
        back_url=reverse("inclusion:payments"),
        intro=_(
            "Travel refunds, vouchers and pay for panel work. These are money, kept apart from "
            "time credits; a manager approves each one."
        ),
    )


@require_POST
@member_required("approve_payments")
def payment_decide(request: MemberRequest, payment_id: int) -> HttpResponse:
    payment = selectors.get_payment_for(organisation=request.organisation, pk=payment_id)
    try:
        services.payment_decide(
            acting_user=request.user,
            decided_by=request.membership,
            payment=payment,
            approve=request.POST.get("decision") == "approve",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Payment decided."))
    return redirect("inclusion:payments")


@member_required("staff")
def payment_receipt_add(request: MemberRequest, payment_id: int) -> HttpResponse:
    """Add (or replace) the receipt of a payment still waiting for approval."""
    payment = selectors.get_payment_for(organisation=request.organisation, pk=payment_id)
    form = ReceiptForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.receipt_attach(
                acting_user=request.user, payment=payment, upload=form.cleaned_data["receipt"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Receipt saved."))
            return redirect("inclusion:payments")
    return form_page(
        request,
        form=form,
        title=_("Add a receipt"),
        caption=f"{payment.young_person.user.display_name}: {payment.purpose}",
        submit_text=_("Save receipt"),
        back_url=reverse("inclusion:payments"),
    )


@member_required("staff")
def payment_receipt(request: MemberRequest, payment_id: int) -> HttpResponseBase:
    """A payment's receipt, only to staff who can see payments; never cached."""
    payment = selectors.get_payment_for(organisation=request.organisation, pk=payment_id)
    if not payment.receipt:
        raise Http404
    extension = payment.receipt.name.rsplit(".", 1)[-1] if payment.receipt.name else "bin"
    return private_file(
        payment.receipt,
        filename=f"receipt-PAY-{payment.pk}.{extension}",
        content_type=payment.receipt_type or "application/octet-stream",
        inline=True,
        request=request,
    )


@member_required("approve_payments")
def payments_export(request: MemberRequest) -> HttpResponse:
    period = PeriodForm(request.GET)
    if not period.is_valid():
        messages.error(request, _("Choose a real period to export"))
        return redirect("inclusion:payments")
    start, end = period.cleaned_data["start"], period.cleaned_data["end"]
    # Made by the worker (inclusion/exports.py); this page waits for it.
    return downloads.prepare_response(
        request,
        kind="inclusion.payments_csv",
        params={"start": start.isoformat(), "end": end.isoformat()},
        back_url=reverse("inclusion:payments"),
    )
