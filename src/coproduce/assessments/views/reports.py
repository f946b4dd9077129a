"""Downloads: a round as CSV, the round report as PDF, a blank printable scoring sheet."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from coproduce.assessments import charts, reports, results, selectors
from coproduce.core.exports import csv_writer
from coproduce.core.http import MemberRequest, member_required

PRINT_CSS = Path(__file__).resolve().parents[1] / "static" / "assessments" / "print.css"


@member_required("manage_people")
def round_csv(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="round-{round_.pk}.csv"'
    csv_writer(response).writerows(reports.round_rows(round_))
    return response


def _pdf(html: str, filename: str) -> HttpResponse:
    from weasyprint import HTML

    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@member_required("staff")
def round_pdf(request: MemberRequest, round_id: int) -> HttpResponse:
    round_ = selectors.get_round_for(organisation=request.organisation, pk=round_id)
    outcome = results.round_result(round_)
    html = render_to_string(
        "assessments/print/report.html",
        {
            "title": _("Self-assessment report: %(name)s") % {"name": round_.name},
            "round": round_,
            "result": outcome,
            "radar": charts.radar(outcome.series, len(outcome.indicators))
            if round_.version.is_banded
            else None,
            "rollup": results.rollup(round_),
            "organisation": request.organisation,
            "print_css": PRINT_CSS.read_text(),
        },
        request=request,
    )
    return _pdf(html, f"round-{round_.pk}.pdf")


@member_required("staff")
def blank_sheet(request: MemberRequest, version_id: int) -> HttpResponse:
    version = selectors.get_version_for(organisation=request.organisation, pk=version_id)
    html = render_to_string(
        "assessments/print/sheet.html",
        {
            "title": version.framework.name,
            "version": version,
            "contents": selectors.version_contents(version),
            "scores": range(1, 10),
            "print_css": PRINT_CSS.read_text(),
        },
        request=request,
    )
    return _pdf(html, f"{version.framework.key}-scoring-sheet.pdf")
