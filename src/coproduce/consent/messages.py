"""What consent adds to the staff weekly digest of `send_due_messages`: consent missing.

Registered in ConsentConfig.ready() as digest lines (notifications.due.digest_lines), which
are written in the reader's language ("en" or "cy", as notifications.texts gives it).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils.translation import ngettext, override

from coproduce.consent.selectors import consent_missing

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


def digest_lines(organisation: Organisation, today: datetime.date, language: str) -> list[str]:
    missing = len(consent_missing(organisation=organisation, on=today))
    if not missing:
        return []
    with override("cy" if language.startswith("cy") else "en-gb"):
        return [
            ngettext(
                "%(n)s young person has no valid consent recorded",
                "%(n)s young people have no valid consent recorded",
                missing,
            )
            % {"n": missing}
        ]
