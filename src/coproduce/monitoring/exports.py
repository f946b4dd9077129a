"""The monitoring report as PDF (the page's template and charts) and XLSX (every figure and
the records behind it), made by `coproduce worker` (builders registered in apps.py)."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.core.charts import bar_chart
from coproduce.core.downloads import Built
from coproduce.core.exports import write_row, xlsx_workbook
from coproduce.monitoring import selectors as sel
from coproduce.monitoring.guarantee import guarantee_evidence
from coproduce.monitoring.report import Report, project_report

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(report: Report, extension: str) -> str:
    return f"monitoring-{slugify(report.project.name)}-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{extension}"


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def report_params(project_id: int, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """What the worker needs to make the report again (JSON-ready)."""
    return {"project_id": project_id, "start": start.isoformat(), "end": end.isoformat()}


def _report(organisation: Organisation, params: dict[str, Any]) -> Report:
    project = sel.get_project_for(organisation=organisation, pk=int(params["project_id"]))
    return project_report(
        project,
        datetime.date.fromisoformat(params["start"]),
        datetime.date.fromisoformat(params["end"]),
    )


def report_pdf(organisation: Organisation, params: dict[str, Any], /) -> Built:
    from coproduce.core.pdf import tagged_pdf

    report = _report(organisation, params)
    html = render_to_string(
        "monitoring/report_pdf.html",
        {
            "report": report,
            "guarantee": guarantee_evidence(report),
            "age_chart": bar_chart([(band, count) for band, count in report.age_bands]),
            "organisation": organisation,
        },
    )
    return Built(tagged_pdf(html), _name(report, "pdf"), "application/pdf", True)


def report_xlsx(organisation: Organisation, params: dict[str, Any], /) -> Built:
    report = _report(organisation, params)
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
        if not evidence.recorded:
            commitment = f"{evidence.number}. {evidence.commitment}"
            write_row(guarantee, row, 0, [commitment, _("No evidence recorded"), ""])
            row += 1
            continue
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
    return Built(buffer.getvalue(), _name(report, "xlsx"), XLSX)
