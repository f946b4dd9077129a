"""What consent adds to the staff weekly digest of `send_due_messages`: consent missing.

Registered in ConsentConfig.ready() as digest lines (notifications.due.digest_lines).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from coproduce.consent.selectors import consent_missing

if TYPE_CHECKING:
    from coproduce.organisations.models import Organisation


# Written here in both languages, like notifications.texts (the digest is in the reader's).
MISSING = {
    "en": "{n} young people have no valid consent recorded",
    "cy": "Nid oes caniatâd dilys wedi'i gofnodi ar gyfer {n} o bobl ifanc",
}


def digest_lines(organisation: Organisation, today: datetime.date, language: str) -> list[str]:
    missing = len(consent_missing(organisation=organisation, on=today))
    if not missing:
        return []
    return [MISSING["cy" if language == "cy" else "en"].format(n=missing)]
