"""Concerns: recorded by any member of staff, acknowledged and acted on by the lead."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.notifications.services import notify
from coproduce.safeguarding.models import Concern, ConcernAction
from coproduce.safeguarding.selectors import (
    is_safeguarding_team,
    overdue_acknowledgement,
    team_members,
)

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def _team_only(membership: Membership) -> None:
    if not is_safeguarding_team(membership):
        raise PermissionDenied


def _tell_team(concern: Concern, *, kind: str, key: str, subject: Callable[[], str]) -> int:
    """Tell the lead and deputies; the message names no one and holds none of the concern."""
    url = reverse("safeguarding:concern", kwargs={"concern_id": concern.pk})
    sent = 0
    for member in team_members(organisation=concern.organisation):
        if notify(
            organisation=concern.organisation,
            recipient=member.user,
            kind=kind,
            dedupe_key=f"{key}:{concern.pk}",
            subject=subject,
            url=url,
        ):
            sent += 1
    return sent


def concern_record(
    *,
    acting_user: User,
    reporter: Membership,
    young_person: Membership,
    happened_at: datetime.datetime,
    what_happened: str,
    their_words: str = "",
    others_present: str = "",
    immediate_action: str = "",
) -> Concern:
    if not reporter.can("record_concerns"):
        raise PermissionDenied
    if young_person.organisation_id != reporter.organisation_id or not young_person.is_young_person:
        raise ValidationError({"young_person": _("Choose a young person in your organisation.")})
    with transaction.atomic():
        concern = Concern(
            organisation=reporter.organisation,
            young_person=young_person,
            young_person_name=young_person.user.display_name,
            reported_by=reporter,
            happened_at=happened_at,
            what_happened=what_happened,
            their_words=their_words,
            others_present=others_present,
            immediate_action=immediate_action,
        )
        concern.full_clean()
        concern.save()
        audit_record(
            acting_user=acting_user,
            organisation=concern.organisation,
            verb="safeguarding.concern.record",
            target=concern,
        )
        _tell_team(
            concern,
            kind="safeguarding.new",
            key="safeguarding-new",
            subject=lambda: _("A new safeguarding concern has been recorded"),
        )
    return concern


def concern_acknowledge(*, acting_user: User, lead: Membership, concern: Concern) -> Concern:
    _team_only(lead)
    if concern.acknowledged_at is not None:
        return concern
    with transaction.atomic():
        concern.acknowledged_at, concern.acknowledged_by = timezone.now(), lead
        concern.full_clean()
        concern.save(update_fields=["acknowledged_at", "acknowledged_by"])
        audit_record(
            acting_user=acting_user,
            organisation=concern.organisation,
            verb="safeguarding.concern.acknowledge",
            target=concern,
        )
    return concern


def concern_action_record(
    *,
    acting_user: User,
    lead: Membership,
    concern: Concern,
    kind: str,
    taken_on: datetime.date,
    reference: str = "",
    details: str = "",
    outcome: str = "",
) -> ConcernAction:
    _team_only(lead)
    if concern.closed_at is not None:
        raise ValidationError(_("This concern is closed."))
    with transaction.atomic():
        if concern.acknowledged_at is None:
            concern_acknowledge(acting_user=acting_user, lead=lead, concern=concern)
        action = ConcernAction(
            organisation=concern.organisation,
            concern=concern,
            kind=kind,
            taken_on=taken_on,
            reference=reference,
            details=details,
            outcome=outcome,
            recorded_by=lead,
        )
        action.full_clean()
        action.save()
        audit_record(
            acting_user=acting_user,
            organisation=concern.organisation,
            verb="safeguarding.action.record",
            target=action,
            details={"kind": kind},
        )
    return action


def concern_close(*, acting_user: User, lead: Membership, concern: Concern, reason: str) -> Concern:
    _team_only(lead)
    if not reason.strip():
        raise ValidationError({"close_reason": _("Say why the concern is closed.")})
    if concern.closed_at is not None:
        return concern
    with transaction.atomic():
        if concern.acknowledged_at is None:
            concern_acknowledge(acting_user=acting_user, lead=lead, concern=concern)
        concern.closed_at, concern.closed_by, concern.close_reason = timezone.now(), lead, reason
        concern.full_clean()
        concern.save(update_fields=["closed_at", "closed_by", "close_reason"])
        audit_record(
            acting_user=acting_user,
            organisation=concern.organisation,
            verb="safeguarding.concern.close",
            target=concern,
        )
    return concern


def overdue_alerts_send(
    *, organisation: Organisation, now: datetime.datetime, dry_run: bool
) -> int:
    """Alert the lead and deputies once per concern whose acknowledgement is overdue."""
    overdue = overdue_acknowledgement(organisation=organisation, now=now)
    if dry_run:
        return len(overdue)
    sent = 0
    for concern in overdue:
        with transaction.atomic():
            sent += _tell_team(
                concern,
                kind="safeguarding.overdue",
                key="safeguarding-overdue",
                subject=lambda: _(
                    "A safeguarding concern is waiting for acknowledgement: it is overdue"
                ),
            )
    return sent
