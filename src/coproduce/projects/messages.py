"""What projects sends through notifications' messages: session invitations and reminders.

Registered in ProjectsConfig.ready() as a finder for `coproduce send_due_messages`:
an invitation once for each session 2 to 7 days ahead, and a reminder the day before, to
the young people in its project who have not said they cannot come. Each has a dedupe key
naming the session, so running the command twice sends nothing twice.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from coproduce.notifications.services import message_send
from coproduce.projects.dashboard import STUCK_AFTER
from coproduce.projects.selectors import (
    invitees_of_sessions,
    overdue_ideas,
    sessions_on,
    stuck_projects,
)

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation

INVITE_DAYS = range(2, 8)


def sessions_due(organisation: Organisation, today: datetime.date) -> int:
    days = [today + datetime.timedelta(days=n) for n in [1, *INVITE_DAYS]]
    sessions = list(sessions_on(organisation=organisation, dates=days))
    invitees = invitees_of_sessions(organisation=organisation, sessions=sessions)
    tomorrow = today + datetime.timedelta(days=1)
    queued = 0
    for session in sessions:
        kind = "session_reminder" if session.date == tomorrow else "session_invitation"
        context: dict[str, str | datetime.date | datetime.time] = {
            "activity": session.activity,
            "date": session.date,
            "place": session.place,
        }
        if session.start_time:
            context["time"] = session.start_time
        for person in invitees.get(session.pk, []):
            sent = message_send(
                organisation=organisation,
                recipient=person,
                kind=kind,
                dedupe_key=f"session:{session.pk}:{kind}",
                context=context,
                url=reverse("projects:get_involved"),
            )
            queued += sent is not None
    return queued


def digest_lines(organisation: Organisation, today: datetime.date, language: str) -> list[str]:
    """For the staff weekly digest: ideas waiting for feedback, projects that have not moved."""
    overdue = overdue_ideas(organisation=organisation, today=today).count()
    since = timezone.now() - STUCK_AFTER
    stuck = stuck_projects(organisation=organisation, since=since).count()
    lines = []
    with override("cy" if language == "cy" else "en-gb"):
        if overdue:
            lines.append(_("%(n)s ideas are waiting for feedback past their date") % {"n": overdue})
        if stuck:
            lines.append(
                _("%(n)s projects have not moved on for %(days)s days")
                % {"n": stuck, "days": STUCK_AFTER.days}
            )
    return lines
