from __future__ import annotations

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

from coproduce.core.http import MemberRequest, member_required
from coproduce.core.pages import form_page, private_file, show_errors
from coproduce.media import selectors as sel
from coproduce.media import services
from coproduce.media.forms import MediaForm


@member_required("staff")
def media_list(request: MemberRequest) -> HttpResponse:
    page = Paginator(sel.media_for(request.organisation), 50).get_page(request.GET.get("page"))
    items = list(page)
    status = sel.publishable_media(items, timezone.localdate())
    reasons = {id(left.item): left.reasons for left in status.left_out}
    return render(
        request,
        "media/list.html",
        {
            "title": _("Photos, films and quotes"),
            "page": page,
            "rows": [(item, reasons.get(id(item))) for item in items],
        },
    )


@member_required("staff")
def media_add(request: MemberRequest) -> HttpResponse:
    form = MediaForm(request.POST or None, request.FILES or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.media_add(
                acting_user=request.user,
                organisation=request.organisation,
                kind=data["kind"],
                caption=data["caption"],
                people=list(data["people"]),
                file=data["file"],
                quote_text=data["quote_text"],
                project=data["project"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Added"))
            return redirect("media:list")
    return form_page(
        request,
        form=form,
        title=_("Add a photo, film or quote"),
        submit_text=_("Add it"),
        back_url=reverse("media:list"),
    )


@member_required()
def media_file(request: MemberRequest, media_id: int) -> HttpResponseBase:
    """The only way a file leaves the server: after the permission check, never cached."""
    item = sel.get_media_for(organisation=request.organisation, pk=media_id)
    if not item.file or not sel.may_open(item, request.membership):
        raise Http404
    return private_file(
        item.file,
        filename=item.file.name.rsplit("/", 1)[-1],
        content_type=item.content_type or "application/octet-stream",
        inline=True,
        request=request,
    )


@require_POST
@member_required("staff")
def media_delete(request: MemberRequest, media_id: int) -> HttpResponse:
    item = sel.get_media_for(organisation=request.organisation, pk=media_id)
    services.media_delete(acting_user=request.user, item=item)
    messages.success(request, _("Deleted"))
    return redirect("media:list")
