"""Personal data in safeguarding records (see coproduce/core/personal_data.py).

Welfare information is the young person's own and is exported and erased like the rest.
Concerns are not: a subject-access export lists them for the Designated Safeguarding Lead
to review before release (`held_back`), and erasure keeps them, unchanged, while their
retention period runs (the organisation's setting, 25 years after closing by default).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.core.hooks import PersonalData
from coproduce.notifications.services import notify
from coproduce.safeguarding.models import SafeguardingRole, WelfareInfo
from coproduce.safeguarding.selectors import concerns_about, team_members
from coproduce.safeguarding.services.retention import anonymise, past_retention

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership

MODELS = ["safeguarding.concern", "safeguarding.welfareinfo", "safeguarding.safeguardingrole"]


def export(membership: Membership) -> dict[str, list[dict[str, Any]]]:
    welfare = WelfareInfo.objects.filter(
        organisation=membership.organisation, young_person=membership
    )
    roles = SafeguardingRole.objects.filter(
        organisation=membership.organisation, membership=membership
    )
    return {
        "welfare_information": [
            {name: getattr(w, name) for name in (*WelfareInfo.PERSONAL_FIELDS, "visible_to")}
            for w in welfare
        ],
        "safeguarding_role": [{"lead": r.is_lead} for r in roles],
    }


def erase(membership: Membership, *, acting_user: User | None) -> None:
    """Welfare information goes; concerns stay while their retention runs, then lose what
    identifies anyone (the totals stay)."""
    WelfareInfo.objects.filter(
        organisation=membership.organisation, young_person=membership
    ).delete()
    SafeguardingRole.objects.filter(
        organisation=membership.organisation, membership=membership
    ).delete()
    anonymise(
        past_retention(
            concerns_about(membership),
            organisation=membership.organisation,
            today=timezone.localdate(),
        )
    )


def held_back(membership: Membership) -> list[dict[str, Any]]:
    """Each concern, described (never its content), and the lead and deputies told once a
    day that an export holds them back for their review."""
    rows = [
        {
            "record": "safeguarding concern",
            "reference": f"SG-{c.pk}",
            "recorded_on": timezone.localdate(c.recorded_at).isoformat(),
            "to_review": "the Designated Safeguarding Lead reviews it before release",
        }
        for c in concerns_about(membership).order_by("recorded_at", "pk")
    ]
    if rows:
        url = reverse("safeguarding:chronology", kwargs={"membership_id": membership.pk})
        with transaction.atomic():
            for member in team_members(organisation=membership.organisation):
                notify(
                    organisation=membership.organisation,
                    recipient=member.user,
                    kind="safeguarding.review",
                    dedupe_key=f"safeguarding-sar:{membership.pk}:{timezone.localdate()}",
                    subject=lambda: _(
                        "A subject-access request holds safeguarding records back for your review"
                    ),
                    url=url,
                )
    return rows


PROVIDER = PersonalData(
    app="safeguarding",
    models=MODELS,
    export=export,
    erase=erase,
    actor_fields={
        "safeguarding.concern": {"reported_by", "acknowledged_by", "closed_by"},
        "safeguarding.concernaction": {"recorded_by"},
        "safeguarding.riskassessment": {"signed_off_by", "staff"},
        "safeguarding.sessionstaff": {"member"},
    },
    held_back=held_back,
    confidential_models=frozenset({"safeguarding.concern", "safeguarding.concernaction"}),
    confidential_verbs=(
        "safeguarding.concern.",
        "safeguarding.action.",
        "safeguarding.chronology.",
    ),
)
