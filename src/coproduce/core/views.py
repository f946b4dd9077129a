from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html", {"title": _("Accessibility statement")})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html", {"title": _("Privacy notice")})
