"""Bringing in earlier hours from a spreadsheet: all rows or none."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.imports import ImportProblem, read_csv
from coproduce.credits import ledger
from coproduce.credits.models import Category
from coproduce.credits.services.earning import credits_award
from coproduce.credits.services.milestones import sanctioned_time_record
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import people_for

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Organisation


@dataclass
class ImportResult:
    problems: list[ImportProblem]
    posted: int


IMPORT_COLUMNS = ["username", "date", "minutes", "reason"]
SANCTION_ANSWERS = {"": False, "no": False, "n": False, "yes": True, "y": True}


def hours_import(*, acting_user: User, organisation: Organisation, text: str) -> ImportResult:
    """Historical hours from CSV (username,date,minutes,reason[,partner][,sanction]).

    A row with "yes" under sanction is time a young person was required to give: it is
    recorded as such and earns nothing.

    Every row is checked first; if any row is wrong nothing is posted and every
    problem is reported with its line number.
    """
    sheet = read_csv(text)
    missing = sheet.missing(IMPORT_COLUMNS)
    if missing:
        return ImportResult(missing, 0)
    # Young people who have left still had their earlier hours: inactive ones count too.
    members = {
        m.user.username: m for m in people_for(organisation=organisation, role=Role.YOUNG_PERSON)
    }
    problems, rows = [], []
    for line, row in sheet.rows:
        username = (row.get("username") or "").strip()
        member = members.get(username)
        if member is None:
            problems.append(
                ImportProblem(line, _("No young person with username '%(u)s'") % {"u": username})
            )
        try:
            day = datetime.date.fromisoformat((row.get("date") or "").strip())
            if day > timezone.localdate():
                problems.append(ImportProblem(line, _("The date is in the future")))
        except ValueError:
            problems.append(ImportProblem(line, _("Write the date as YYYY-MM-DD")))
            day = None
        try:
            minutes = int((row.get("minutes") or "").strip())
            if minutes <= 0:
                raise ValueError
        except ValueError:
            problems.append(ImportProblem(line, _("Minutes must be a whole number above zero")))
            minutes = 0
        reason = (row.get("reason") or "").strip()
        if not reason:
            problems.append(ImportProblem(line, _("Give a reason")))
        answer = (row.get("sanction") or "").strip().lower()
        if answer not in SANCTION_ANSWERS:
            problems.append(ImportProblem(line, _("Write yes or no under sanction")))
        partner = (row.get("partner") or "").strip()
        rows.append(
            (line, member, day, minutes, reason, partner, SANCTION_ANSWERS.get(answer, False))
        )
    if problems:
        return ImportResult(problems, 0)
    key_base = "import:" + hashlib.sha256(text.encode()).hexdigest()[:16]
    with transaction.atomic():
        for line, member, day, minutes, reason, partner, sanction in rows:
            assert member is not None and day is not None
            if sanction:
                sanctioned_time_record(
                    acting_user=acting_user,
                    membership=member,
                    minutes=minutes,
                    reason=f"{reason} ({day.isoformat()})",
                    idempotency_key=f"{key_base}:{line}",
                )
                continue
            credits_award(
                acting_user=acting_user,
                membership=member,
                minutes=minutes,
                category=Category.PARTNER if partner else Category.IMPORT,
                partner_name=partner,
                reason=f"{reason} ({day.isoformat()})",
                idempotency_key=f"{key_base}:{line}",
            )
        audit_record(
            acting_user=acting_user,
            organisation=organisation,
            verb="credits.import",
            target=ledger.issuing_account(organisation),
            details={"rows": len(rows)},
        )
    return ImportResult([], len(rows))
