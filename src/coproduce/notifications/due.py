"""What is due to be sent: the finders `coproduce send_due_messages` runs.

Apps above notifications register a finder in their `AppConfig.ready()`:

    from coproduce.notifications import due
    due.finders.register(reminders.sessions_tomorrow)

`finder(organisation, today)` sends what is due through `services.message_send` (each with
a `dedupe_key` naming the event, so running twice sends nothing twice) and answers how many
messages it queued. Digest lines (`due.digest_lines`) add "what needs doing" to the staff
weekly digest: `lines(organisation, today)` answers short sentences for staff.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import ngettext, override

from coproduce.core.hooks import Registry
from coproduce.notifications.selectors import messages_for, unreachable_people
from coproduce.notifications.services import message_send
from coproduce.notifications.texts import wording_language
from coproduce.organisations.selectors import language_of, staff_for

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

Finder = Callable[["Organisation", datetime.date], int]
DigestLines = Callable[["Organisation", datetime.date, str], list[str]]

finders: Registry[Finder] = Registry("notifications.due_finders")
digest_lines: Registry[DigestLines] = Registry("notifications.digest_lines")

DIGEST_DAY = 0  # Monday


def messages_digest_lines(
    organisation: Organisation, today: datetime.date, language: str
) -> list[str]:
    """The lines notifications itself adds: failed messages and people we cannot reach."""
    week_ago = today - datetime.timedelta(days=7)
    failed = (
        messages_for(organisation=organisation, status="failed")
        .filter(created_at__date__gte=week_ago)
        .count()
    )
    unreachable = unreachable_people(organisation=organisation).count()
    lines = []
    with override("cy" if language == "cy" else "en-gb"):
        if failed:
            lines.append(
                ngettext(
                    "%(n)s message could not be delivered this week",
                    "%(n)s messages could not be delivered this week",
                    failed,
                )
                % {"n": failed}
            )
        if unreachable:
            lines.append(
                ngettext(
                    "%(n)s young person has no e-mail or mobile number",
                    "%(n)s young people have no e-mail or mobile number",
                    unreachable,
                )
                % {"n": unreachable}
            )
    return lines


def staff_digest(organisation: Organisation, today: datetime.date) -> int:
    """On Mondays, each member of staff gets one digest of what needs doing (if anything)."""
    if today.weekday() != DIGEST_DAY:
        return 0
    year, week, _day = today.isocalendar()
    queued = 0
    for member in staff_for(organisation=organisation):
        member.organisation = organisation  # the same row: no query for its default language
        language = wording_language(language_of(member))
        lines = [
            line for lines_for in digest_lines for line in lines_for(organisation, today, language)
        ]
        if not lines:
            continue
        sent = message_send(
            organisation=organisation,
            recipient=member,
            kind="staff_digest",
            dedupe_key=f"digest:{year}-W{week:02d}",
            context={"count": len(lines), "lines": "\n".join(f"- {line}" for line in lines)},
            url="/",
        )
        queued += sent is not None
    return queued


def send_due(organisation: Organisation, today: datetime.date) -> int:
    return sum(finder(organisation, today) for finder in finders)
