"""An add-to-calendar (iCalendar, RFC 5545) file for one session."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

if TYPE_CHECKING:
    from coproduce.projects.models import Session


def _text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and new lines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def session_calendar_file(session: Session, *, host: str) -> str:
    """One VEVENT: timed (in UTC) when the session has a start time, else all day."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Coproduce//Sessions//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:session-{session.pk}@{host.split(':')[0]}",
        f"DTSTAMP:{_utc(timezone.now())}",
    ]
    if session.start_time is not None:
        start = datetime.datetime.combine(
            session.date, session.start_time, tzinfo=ZoneInfo(settings.TIME_ZONE)
        )
        end = start + datetime.timedelta(minutes=session.duration_minutes)
        lines += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}"]
    else:
        following = session.date + datetime.timedelta(days=1)
        lines += [
            f"DTSTART;VALUE=DATE:{session.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{following:%Y%m%d}",
        ]
    lines.append(f"SUMMARY:{_text(f'{session.project.name}: {session.activity}')}")
    if session.place:
        lines.append(f"LOCATION:{_text(session.place)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
