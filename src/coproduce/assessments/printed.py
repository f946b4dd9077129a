"""The round report and the blank scoring sheet as PDFs, made by `coproduce worker`
(builders registered in apps.py; the views in views/reports.py only queue them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from coproduce.assessments import charts, results, selectors
from coproduce.core.downloads import Built

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

PRINT_CSS = Path(__file__).resolve().parent / "static" / "assessments" / "print.css"


def _pdf(html: str, filename: str) -> Built:
    from coproduce.core.pdf import tagged_pdf

    return Built(tagged_pdf(html), filename, "application/pdf", inline=True)


def round_pdf(organisation: Organisation, params: dict[str, Any], /) -> Built:
    round_ = selectors.get_round_for(organisation=organisation, pk=int(params["round_id"]))
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
            "organisation": organisation,
            "print_css": PRINT_CSS.read_text(),
        },
    )
    return _pdf(html, f"round-{round_.pk}.pdf")


def blank_sheet(organisation: Organisation, params: dict[str, Any], /) -> Built:
    version = selectors.get_version_for(organisation=organisation, pk=int(params["version_id"]))
    html = render_to_string(
        "assessments/print/sheet.html",
        {
            "title": version.framework.name,
            "version": version,
            "contents": selectors.version_contents(version),
            "scores": range(1, 10),
            "print_css": PRINT_CSS.read_text(),
        },
    )
    return _pdf(html, f"{version.framework.key}-scoring-sheet.pdf")
