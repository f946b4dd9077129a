from __future__ import annotations

import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

# Changed whenever the statement is reviewed (the regulations ask for both dates).
STATEMENT_PREPARED = datetime.date(2026, 11, 30)
STATEMENT_REVIEWED = datetime.date(2026, 11, 30)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/accessibility.html",
        {
            "title": _("Accessibility statement"),
            "contact": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "prepared": STATEMENT_PREPARED,
            "reviewed": STATEMENT_REVIEWED,
        },
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html", {"title": _("Privacy notice")})
