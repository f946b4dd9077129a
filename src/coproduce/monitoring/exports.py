"""The monitoring report as PDF (the page's template and charts) and XLSX (every figure and
the records behind it)."""

from __future__ import annotations

import io
from decimal import Decimal

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.core.exports import write_row, xlsx_workbook
from coproduce.monitoring.guarantee import guarantee_evidence
from coproduce.monitoring.report import Report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(report: Report, extension: str) -> str:
    return f"monitoring-{slugify(report.project.name)}-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{extension}"


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def report_pdf(report: Report, context: dict[str, object]) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string("monitoring/report_pdf.html", context)
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_name(report, "pdf")}"'
    return response


def report_xlsx(report: Report) -> HttpResponse:
    buffer = io.BytesIO()
    book = xlsx_workbook(buffer)
    bold = book.add_format({"bold": True, "text_wrap": True})
    sheet = book.add_worksheet(_("Report")[:31])
    write_row(sheet, 0, 0, [_("Question"), _("Figure"), _("Value"), _("Our answer")], bold)
    row = 1
    for answer in report.answers:
        narrative = answer.narrative.text if answer.narrative else answer.text
        if not answer.figures:
            write_row(sheet, row, 0, [str(answer.question), "", "", narrative])
            row += 1
        for figure in answer.figures:
            write_row(
                sheet,
                row,
                0,
                [str(answer.question), str(figure.label), _plain(figure.value), narrative],
            )
            row += 1
    guarantee = book.add_worksheet(_("Guarantee")[:31])
    write_row(guarantee, 0, 0, [_("Commitment"), _("Figure"), _("Value")], bold)
    row = 1
    for evidence in guarantee_evidence(report):
        for figure in evidence.figures:
            write_row(
                guarantee,
                row,
                0,
                [
                    f"{evidence.number}. {evidence.commitment}",
                    str(figure.label),
                    _plain(figure.value),
                ],
            )
            row += 1
    records = book.add_worksheet(_("Records")[:31])
    write_row(records, 0, 0, [_("Figure"), _("Counted from")], bold)
    row = 1
    for figure in report.figures.values():
        for record in figure.records:
            write_row(records, row, 0, [str(figure.label), record])
            row += 1
    book.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_name(report, "xlsx")}"'
    return response
