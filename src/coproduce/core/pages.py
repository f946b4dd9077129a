"""The one question-page pattern, so every form page renders the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from coproduce.core.storage import send_private_file


def form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    title: str,
    submit_text: str,
    back_url: str | None = None,
    caption: str | None = None,
    intro: str | None = None,
    template: str = "core/form_page.html",
    **context: Any,
) -> HttpResponse:
    """Render a question page: error summary, h1, the form keeping what was typed, submit."""
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "submit_text": submit_text,
            "back_url": back_url,
            "caption": caption,
            "intro": intro,
            **context,
        },
    )


def settings_page(
    request: HttpRequest,
    *,
    form_class: type[forms.Form],
    current: object,
    save: Callable[..., object],
    saved_message: str,
    done_url: str,
    title: str,
    submit_text: str,
    back_url: str | None = None,
    intro: str | None = None,
) -> HttpResponse:
    """An organisation's settings page: the form starts from the saved row's values, a valid
    answer goes to the app's service (``save(**cleaned_data)``), whose errors land on their
    fields; on success a message and back to ``done_url``."""
    initial = {name: getattr(current, name) for name in form_class.base_fields}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, saved_message)
            return redirect(done_url)
    return form_page(
        request,
        form=form,
        title=title,
        submit_text=submit_text,
        back_url=back_url,
        intro=intro,
    )


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def private_file(
    field: FieldFile,
    *,
    filename: str,
    content_type: str,
    inline: bool = False,
    request: HttpRequest | None = None,
) -> HttpResponseBase:
    """Send a stored private file after the caller has checked permission; never cached.

    Streamed in pieces from disk or the bucket (pass `request` and a `Range` is answered with
    206), or a redirect to a short-lived pre-signed URL: see `coproduce.core.storage`.
    """
    return send_private_file(
        field, filename=filename, content_type=content_type, inline=inline, request=request
    )
