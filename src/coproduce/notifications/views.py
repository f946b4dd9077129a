from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, show_errors
from coproduce.core.tenancy import organisation_scope
from coproduce.notifications import selectors
from coproduce.notifications.channels import FINAL
from coproduce.notifications.forms import (
    KIND_CHOICES,
    MessageSettingsForm,
    PreferenceForm,
    template_field,
)
from coproduce.notifications.models import Status
from coproduce.notifications.services import (
    contact_preference_set,
    message_settings_update,
    message_status_record,
    notifications_mark_read,
    unsubscribe,
)
from coproduce.notifications.services.preferences import membership_for_token


@member_required()
def inbox(request: MemberRequest) -> HttpResponse:
    page = Paginator(
        selectors.notifications_for(recipient=request.user, organisation=request.organisation), 30
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {
            "title": _("Messages"),
            "page": page,
            "can_manage": request.membership.can("manage_people"),
            "can_configure": request.membership.can("manage_organisation"),
        },
    )


@require_POST
@member_required()
def mark_read(request: MemberRequest) -> HttpResponse:
    notifications_mark_read(recipient=request.user, organisation=request.organisation)
    return redirect("notifications:inbox")


@member_required("manage_people")
def email_failures(request: MemberRequest) -> HttpResponse:
    """The old list of failed e-mails: failures are now in the one list of messages."""
    return redirect(f"{reverse('notifications:sent')}?status={Status.FAILED}", permanent=True)


@member_required()
def preferences(request: MemberRequest) -> HttpResponse:
    current = selectors.preference_of(request.membership)
    form = PreferenceForm(
        request.POST or None, initial={"channel": current.channel, "mobile": current.mobile}
    )
    if request.method == "POST" and form.is_valid():
        try:
            contact_preference_set(
                acting_user=request.user,
                membership=request.membership,
                channel=form.cleaned_data["channel"],
                mobile=form.cleaned_data["mobile"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your choice has been saved."))
            return redirect("notifications:preferences")
    return form_page(
        request,
        form=form,
        title=_("How we send you messages"),
        submit_text=_("Save"),
        intro=_(
            "We send invitations, reminders and news. You can always read them under Messages."
        ),
    )


def unsubscribe_page(request: HttpRequest) -> HttpResponse:
    """From the link at the foot of an e-mail: works without signing in."""
    token = request.GET.get("t", "") or request.POST.get("t", "")
    pk = membership_for_token(token)
    membership = selectors.recipient_of_link(pk) if pk else None
    done = False
    if membership is not None and request.method == "POST":
        with organisation_scope(membership.organisation):
            unsubscribe(membership=membership)
        done = True
    return render(
        request,
        "notifications/unsubscribe.html",
        {"title": _("Stop e-mails"), "valid": membership is not None, "done": done, "t": token},
        status=200 if membership is not None or not token else 400,
    )


@member_required("manage_people")
def sent(request: MemberRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    page = Paginator(
        selectors.messages_for(organisation=request.organisation, status=status), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/sent.html",
        {
            "title": _("E-mails and text messages"),
            "page": page,
            "status": status,
            "statuses": Status.choices,
        },
    )


@member_required("staff")
def unreachable(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.unreachable_people(organisation=request.organisation), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/unreachable.html",
        {"title": _("Young people we cannot reach"), "page": page},
    )


@csrf_exempt
@require_POST
def notify_callback(request: HttpRequest) -> HttpResponse:
    """Notify's delivery receipt: {"id": ..., "status": ..., "notification_type": ...}."""
    expected = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not expected or not constant_time_compare(given, expected):
        return JsonResponse({"error": "not allowed"}, status=403)
    try:
        receipt = json.loads(request.body)
        provider_id, notify_status = str(receipt["id"]), str(receipt["status"])
        channel = "sms" if receipt.get("notification_type") == "sms" else "email"
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "not a receipt"}, status=400)
    found = FINAL.get(notify_status)
    if found is not None:
        from coproduce.notifications.channels import ADDRESS, TEMPORARY

        status, reason = found
        message_status_record(
            provider_id=provider_id,
            status=status,
            reason=reason.format(address=ADDRESS[channel], temporary=TEMPORARY[channel]),
        )
    return JsonResponse({"ok": True})


@member_required("manage_organisation")
def message_settings(request: MemberRequest) -> HttpResponse:
    row = selectors.settings_for(organisation=request.organisation)
    form = MessageSettingsForm(
        request.POST or None,
        initial={
            "sending": [name for name, _label in KIND_CHOICES if getattr(row, name)],
            "quiet_from": row.quiet_from.strftime("%H:%M"),
            "quiet_until": row.quiet_until.strftime("%H:%M"),
            "email_template_id": row.email_template_id,
            "sms_template_id": row.sms_template_id,
            **{
                template_field(kind, channel): template_id
                for kind, by_channel in (row.kind_templates or {}).items()
                for channel, template_id in by_channel.items()
            },
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        key = "" if data["remove_key"] else (data["notify_api_key"] or None)
        try:
            message_settings_update(
                acting_user=request.user,
                organisation=request.organisation,
                quiet_from=data["quiet_from"],
                quiet_until=data["quiet_until"],
                email_template_id=data["email_template_id"],
                sms_template_id=data["sms_template_id"],
                notify_api_key=key,
                switches={name: name in data["sending"] for name, _label in KIND_CHOICES},
                kind_templates=form.kind_templates(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Message settings saved."))
            return redirect("notifications:settings")
    has_key = bool(row.notify_api_key_encrypted)
    return form_page(
        request,
        form=form,
        title=_("Message settings"),
        submit_text=_("Save"),
        intro=(
            _("A Notify key of your own is saved (it is stored encrypted and never shown).")
            if has_key
            else _("No Notify key of your own is saved: messages use the product's settings.")
        ),
    )
