"""Reminders: assessments due soon or overdue, and the next round falling due.

Safe to run every day: notify() sends each reminder once per dedupe key."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.assessments import selectors, services
from coproduce.notifications.services import notify
from coproduce.organisations.roles import Role
from coproduce.organisations.selectors import staff_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def reminders_send(
    *, organisation: Organisation, today: datetime.date, dry_run: bool = False
) -> int:
    """Send the reminders due today; returns how many were (or would be) sent."""
    window = datetime.timedelta(
        days=selectors.settings_for(organisation=organisation).reminder_days
    )
    url = settings.SITE_URL + reverse("assessments:index")
    staff = list(staff_for(organisation=organisation))
    sent = 0
    open_rounds = list(selectors.open_rounds_for(organisation=organisation))
    for round_ in open_rounds:
        if today < round_.due_on - window:
            continue
        overdue = today > round_.due_on
        for membership in staff:
            if round_ not in selectors.due_assessments(membership=membership):
                continue
            kind = "overdue" if overdue else "due"
            if dry_run:
                sent += 1
                continue
            name, due = round_.name, round_.due_on.strftime("%d/%m/%Y")

            def subject(n: str = name, d: str = due, late: bool = overdue) -> str:
                if late:
                    return _("Your self-assessment for %(name)s is overdue") % {"name": n}
                return _("Your self-assessment for %(name)s is due by %(due)s") % {
                    "name": n,
                    "due": d,
                }

            if notify(
                organisation=organisation,
                recipient=membership.user,
                kind=f"assessment.{kind}",
                dedupe_key=f"assessment-{kind}:{round_.pk}:{membership.pk}",
                subject=subject,
                body=lambda: _("It takes about 15 minutes. Back each score with a real example."),
                url=url,
            ):
                sent += 1
    next_due = services.next_round_due(organisation)
    # Each framework's cycle counts from its last closed round; one with a round open has
    # nothing due (see services.next_rounds_due).
    if next_due is not None and today >= next_due - window:
        due_text = next_due.strftime("%d/%m/%Y")
        for membership in staff:
            if membership.role not in (Role.ADMIN, Role.MANAGER):
                continue
            if dry_run:
                sent += 1
                continue
            if notify(
                organisation=organisation,
                recipient=membership.user,
                kind="assessment.round_due",
                dedupe_key=f"assessment-round-due:{next_due.isoformat()}:{membership.pk}",
                subject=lambda: (
                    _("The next self-assessment round is due on %(due)s") % {"due": due_text}
                ),
                body=lambda: _("Open a round so staff and young people can take part."),
                url=settings.SITE_URL + reverse("assessments:round_open"),
            ):
                sent += 1
    return sent
