"""Files made by `coproduce worker` (builders registered in apps.py; the views only queue
them): the balances spreadsheet and a young person's certificate."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from coproduce.core.downloads import Built
from coproduce.core.exports import csv_writer
from coproduce.credits import selectors as sel
from coproduce.organisations.selectors import language_of

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def balances_csv(organisation: Organisation, _params: dict[str, Any]) -> Built:
    """Every young person's balance and the time they have given."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    unit = sel.settings_for(organisation=organisation)
    writer.writerow(
        [_("young person"), _("username"), _("balance (credits)"), _("time given (hours)")]
    )
    for account in sel.young_people_balances(organisation=organisation):
        assert account.membership is not None
        writer.writerow(
            [
                account.membership.user.display_name,
                account.membership.user.username,
                unit.credits(account.balance).normalize(),
                unit.hours(account.lifetime_minutes),
            ]
        )
    return Built(buffer.getvalue().encode(), "time-credits.csv", "text/csv; charset=utf-8")


def certificate_pdf(organisation: Organisation, params: dict[str, Any]) -> Built:
    """A recognition's certificate, in the young person's language whoever prints it."""
    from coproduce.core.pdf import tagged_pdf

    recognition = sel.get_recognition_for(organisation=organisation, pk=params["recognition_id"])
    with translation.override(language_of(recognition.young_person)):
        html = render_to_string(
            "credits/certificate.html",
            {
                "recognition": recognition,
                "person": recognition.young_person,
                "organisation": organisation,
                "contributions": sel.contributions_of(recognition.young_person),
            },
        )
    return Built(
        tagged_pdf(html), f"certificate-{recognition.pk}.pdf", "application/pdf", inline=True
    )
