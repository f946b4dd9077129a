"""The scoring matrix (CSV, XLSX), the decision report and feedback letters (PDF).

The CSV is small and made in the request; the spreadsheet and the PDFs are made by
`coproduce worker` (builders registered in apps.py; the views only queue them).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.commissioning import selectors as sel
from coproduce.core.downloads import Built
from coproduce.core.exports import csv_writer, write_row, xlsx_workbook
from coproduce.organisations.selectors import get_person_for

if TYPE_CHECKING:
    from coproduce.commissioning.models import Round
    from coproduce.organisations.models import Organisation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(
    content: bytes | str, content_type: str, filename: str, inline: bool = False
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def matrix_csv(round_: Round) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(sel.matrix_header())
    writer.writerows(sel.matrix_rows(round_))
    return _download(
        buffer.getvalue(), "text/csv; charset=utf-8", f"{slugify(round_.title)}-scores.csv"
    )


def results_rows(round_: Round) -> tuple[list[str], list[list[object]]]:
    moderation = sel.moderation_of(round_)
    header = [
        _("Rank"),
        _("Organisation bidding"),
        _("Bid"),
        _("Asked for (£)"),
        _("Median score (%)"),
        _("Agreed score (%)"),
        _("Awarded (£)"),
    ]
    header[4:4] = [f"{c.name} ({_('weight')} {c.weight})" for c in moderation.criteria]
    rows: list[list[object]] = []
    for r in moderation.results:
        agreed = [cell.agreed.score if cell.agreed else "" for cell in r.cells]
        rows.append(
            [
                r.position,
                r.bid.provider,
                r.bid.title,
                r.bid.amount_requested_pence / 100,
                *agreed,
                float(r.provisional),
                float(r.agreed_total) if r.agreed_total is not None else "",
                r.award_pence / 100,
            ]
        )
    return header, rows


def runner_params(round_: Round, membership_id: int, **extra: int) -> dict[str, Any]:
    """What the worker needs to make a file again, and to check the person may still have it."""
    return {"round_id": round_.pk, "membership_id": membership_id, **extra}


def _runner_round(organisation: Organisation, params: dict[str, Any]) -> Round:
    membership = get_person_for(organisation=organisation, pk=int(params["membership_id"]))
    round_ = sel.get_round_for(membership=membership, pk=int(params["round_id"]))
    if not sel.can_run_round(round_, membership):
        raise PermissionDenied
    return round_


def matrix_xlsx(organisation: Organisation, params: dict[str, Any], /) -> Built:
    round_ = _runner_round(organisation, params)
    buffer = io.BytesIO()
    book = xlsx_workbook(buffer)
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(_("Scores")[:31])
    write_row(sheet, 0, 0, sel.matrix_header(), bold)
    for i, row in enumerate(sel.matrix_rows(round_), start=1):
        write_row(sheet, i, 0, row)
    header, rows = results_rows(round_)
    results = book.add_worksheet(_("Results")[:31])
    write_row(results, 0, 0, header, bold)
    for i, row in enumerate(rows, start=1):
        write_row(results, i, 0, row)
    book.close()
    return Built(buffer.getvalue(), f"{slugify(round_.title)}-scores.xlsx", XLSX)


def _pdf(template: str, context: dict[str, object], filename: str) -> Built:
    from coproduce.core.pdf import tagged_pdf

    html = render_to_string(template, context)
    return Built(tagged_pdf(html), filename, "application/pdf", inline=True)


def decision_pdf(organisation: Organisation, params: dict[str, Any], /) -> Built:
    round_ = _runner_round(organisation, params)
    moderation = sel.moderation_of(round_)
    return _pdf(
        "commissioning/decision_pdf.html",
        {"round": round_, "m": moderation, "organisation": round_.organisation},
        f"{slugify(round_.title)}-decision.pdf",
    )


def feedback_letter(organisation: Organisation, params: dict[str, Any], /) -> Built:
    round_ = _runner_round(organisation, params)
    bid = sel.get_bid_for(round_=round_, pk=int(params["bid_id"]))
    moderation = sel.moderation_of(round_)
    result = next(r for r in moderation.results if r.bid.pk == bid.pk)
    return _pdf(
        "commissioning/letter_pdf.html",
        {
            "round": round_,
            "m": moderation,
            "r": result,
            "bid": bid,
            "organisation": round_.organisation,
        },
        f"feedback-{slugify(bid.provider)}.pdf",
    )
