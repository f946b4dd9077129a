"""Young people checking themselves in at a session; staff confirm, then credits are issued."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from coproduce.credits.models import CheckIn, Entry
from coproduce.credits.services.earning import credits_issue_for_session
from coproduce.projects.selectors import attendance_for, sessions_on
from coproduce.projects.services import attendance_record

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation
    from coproduce.projects.models import Session

CHECK_IN_SALT = "coproduce.credits.check-in"
CHECK_IN_MAX_AGE = 12 * 60 * 60


def check_in_token(session: Session) -> str:
    return signing.dumps({"s": session.pk}, salt=CHECK_IN_SALT)


def session_id_from_token(token: str) -> int:
    try:
        return int(signing.loads(token, salt=CHECK_IN_SALT, max_age=CHECK_IN_MAX_AGE)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _(
                "This check-in code has run out or is not right. Ask a youth worker to show it again."
            )
        ) from None


# No 0/O, 1/I/L: a code is read off a screen and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def check_in_code(session: Session) -> str:
    """A short code to type when the QR code cannot be scanned; it works on the session's day."""
    digest = int.from_bytes(
        salted_hmac(CHECK_IN_SALT, f"{session.pk}:{session.date.isoformat()}").digest()[:8]
    )
    letters = []
    for _n in range(CODE_LENGTH):
        digest, index = divmod(digest, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[index])
    return "".join(letters)


def session_for_code(*, organisation: Organisation, code: str) -> Session:
    """The organisation's session of today (or yesterday, for a late finish) with this code."""
    typed = "".join(code.split()).upper().replace("-", "")
    today = timezone.localdate()
    for session in sessions_on(
        organisation=organisation, dates=[today, today - datetime.timedelta(days=1)]
    ):
        if constant_time_compare(check_in_code(session), typed):
            return session
    raise ValidationError(
        {
            "code": _(
                "That code is not right, or its session is not today. Check the code with a "
                "youth worker."
            )
        }
    )


def check_in_toggle(*, membership: Membership, session: Session) -> CheckIn:
    """First scan checks in; the next checks out."""
    if not membership.is_young_person or membership.organisation_id != session.organisation_id:
        raise ValidationError(_("Only young people in this organisation can check in"))
    with transaction.atomic():
        row, created = CheckIn.objects.get_or_create(
            organisation=session.organisation, session=session, young_person=membership
        )
        if not created and row.checked_out_at is None:
            row.checked_out_at = timezone.now()
            row.save(update_fields=["checked_out_at"])
    return row


def check_ins_confirm(*, acting_user: User, session: Session) -> list[Entry]:
    """Staff confirm: everyone who checked in goes on the register as came, then credits are issued."""
    with transaction.atomic():
        existing = {a.young_person_id: a for a in attendance_for(session=session)}
        entries = [
            (
                c.young_person,
                True,
                existing[c.young_person_id].rung if c.young_person_id in existing else None,
            )
            for c in CheckIn.objects.filter(session=session).select_related("young_person")
        ]
        if entries:
            attendance_record(acting_user=acting_user, session=session, entries=entries)
        return credits_issue_for_session(acting_user=acting_user, session=session)
