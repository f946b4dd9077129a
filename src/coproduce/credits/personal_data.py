"""Personal data held by time credits (see coproduce/core/personal_data.py).

Ledger rows are never changed: erasing a person anonymises their account's owner (the
membership), which the organisations provider handles; totals stay exactly right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coproduce.core.hooks import PersonalData
from coproduce.credits.models import Account, CheckIn, Recognition, Redemption, SanctionedTime
from coproduce.credits.selectors import entries_of

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = [
    "credits.account",
    "credits.redemption",
    "credits.recognition",
    "credits.checkin",
    "credits.sanctionedtime",
]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    account = Account.objects.filter(membership=membership).first()
    return {
        "credit_account": [
            {"balance_minutes": account.balance, "time_given_minutes": account.lifetime_minutes}
        ]
        if account
        else [],
        "credit_entries": [
            {
                "date": e.created_at.isoformat(),
                "minutes": e.minutes,
                "category": e.category,
                "reason": e.reason,
                "direction": "in" if e.credit_id == getattr(account, "pk", None) else "out",
            }
            for e in entries_of(membership)
        ],
        "bookings": [
            {
                "reward": r.reward.name,
                "booked": r.created_at.isoformat(),
                "cancelled": r.cancelled_at.isoformat() if r.cancelled_at else None,
            }
            for r in Redemption.objects.filter(young_person=membership).select_related("reward")
        ],
        "recognition": [
            {
                "title": r.title,
                "hours": r.hours,
                "scheme": r.scheme,
                "reward": r.reward,
                "awarded": r.awarded_at.isoformat(),
            }
            for r in Recognition.objects.filter(young_person=membership)
        ],
        "hours_given_as_a_sanction": [
            {"date": t.recorded_at.isoformat(), "minutes": t.minutes, "reason": t.reason}
            for t in SanctionedTime.objects.filter(young_person=membership)
        ],
        "check_ins": [
            {
                "session": c.session.date.isoformat(),
                "in": c.checked_in_at.isoformat(),
                "out": c.checked_out_at.isoformat() if c.checked_out_at else None,
            }
            for c in CheckIn.objects.filter(young_person=membership).select_related("session")
        ],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Entries hold no names; the membership's anonymisation covers them. Why someone had to
    give hours as a sanction (a court order, a detention) is blanked; the hours stay."""
    SanctionedTime.objects.filter(young_person=membership).update(reason="")


PROVIDER = PersonalData(
    app="credits",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "credits.entry": {"acting_user"},
        "credits.recognition": {"awarded_by"},
        "credits.sanctionedtime": {"recorded_by"},
    },
)
