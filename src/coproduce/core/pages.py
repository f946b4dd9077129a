"""The one question-page pattern, so every form page renders the same way."""

from __future__ import annotations

from typing import Any

from django import forms
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
