"""Spreadsheets made by `coproduce worker` (builders registered in apps.py; the views check
who may ask and only queue them): the people in the import's shape, and approved payments."""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.downloads import Built
from coproduce.core.exports import csv_writer, write_row, xlsx_workbook
from coproduce.inclusion import selectors, services

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _people_rows(organisation: Organisation, params: dict[str, Any]) -> list[list[Any]]:
    rows = selectors.people_for_export(
        organisation=organisation, include_staff=bool(params.get("include_staff"))
    )
    return [services.ALL_COLUMNS, *rows]


def people_csv(organisation: Organisation, params: dict[str, Any]) -> Built:
    """Active young people (and staff, if the person who asked manages people) in the
    import's shape, so a file can be exported, changed and imported again. Formula-safe."""
    buffer = io.StringIO()
    csv_writer(buffer).writerows(_people_rows(organisation, params))
    return Built(
        buffer.getvalue().encode(), f"people-{organisation.slug}.csv", "text/csv; charset=utf-8"
    )


def people_xlsx(organisation: Organisation, params: dict[str, Any]) -> Built:
    out = io.BytesIO()
    book = xlsx_workbook(out)
    sheet = book.add_worksheet("People")
    for number, values in enumerate(_people_rows(organisation, params)):
        write_row(sheet, number, 0, values)
    book.close()
    return Built(out.getvalue(), f"people-{organisation.slug}.xlsx", XLSX)


def payments_csv(organisation: Organisation, params: dict[str, Any]) -> Built:
    """Approved payments paid in the period, with who approved them and the receipt."""
    start = datetime.date.fromisoformat(params["start"])
    end = datetime.date.fromisoformat(params["end"])
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(
        [
            _("Date paid"),
            _("Young person"),
            _("Username"),
            _("What"),
            _("What for"),
            _("Project"),
            _("Amount (£)"),
            _("How paid"),
            _("Recorded by"),
            _("Approved by"),
            _("Approved on"),
            _("Reference"),
            _("Receipt kept"),
        ]
    )
    for p in selectors.approved_payments(organisation=organisation, start=start, end=end):
        writer.writerow(
            [
                p.paid_on.isoformat(),
                p.young_person.user.get_full_name(),
                p.young_person.user.username,
                p.get_kind_display(),
                p.purpose,
                p.project.name if p.project else "",
                p.amount,
                p.get_method_display(),
                p.recorded_by.user.get_full_name(),
                p.decided_by.user.get_full_name() if p.decided_by else "",
                timezone.localtime(p.decided_at).date().isoformat() if p.decided_at else "",
                f"PAY-{p.pk}",
                _("Yes") if p.receipt else _("No"),
            ]
        )
    return Built(
        buffer.getvalue().encode(), f"payments-{start}-{end}.csv", "text/csv; charset=utf-8"
    )
