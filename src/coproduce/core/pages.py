"""The one question-page pattern, so every form page renders the same way."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has one."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def private_file(
    field: FieldFile, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """Send a stored private file after the caller has checked permission; never cached."""
    with field.open("rb") as handle:
        response = HttpResponse(handle.read(), content_type=content_type)
    response["Content-Disposition"] = (
        f'{"inline" if inline else "attachment"}; filename="{filename}"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
