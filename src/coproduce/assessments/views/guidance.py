"""Guidance pages: what co-production is and is not, and how to use each framework."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from coproduce.assessments import guidance as texts
from coproduce.assessments import matrix
from coproduce.core.http import MemberRequest, member_required


@member_required("staff")
def guidance(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "assessments/guidance.html",
        {
            "title": _("Co-production: what it is and how to check it"),
            "about": texts.ABOUT,
            "frameworks": list(texts.FRAMEWORKS.values()),
            "grid": matrix.grid(),
            "designers": [label for _key, label in matrix.WHO],
        },
    )
