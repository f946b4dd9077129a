"""Earning credits for time given, giving them to someone else, and recognising the hours."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.credits import ledger
from coproduce.credits.models import (
    Category,
    CreditSettings,
    Entry,
    Milestone,
    Recognition,
    RecognitionKind,
)
from coproduce.credits.selectors import settings_for
from coproduce.notifications.services import notify
from coproduce.projects.selectors import attended_at

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Session


def _milestone_message(milestone: Milestone) -> Callable[[], str]:
    """Built when the message is written, in the young person's language: the reward is read
    then too, so it comes in Welsh where the organisation wrote it in Welsh."""

    def subject() -> str:
        if milestone.reward:
            return _("You have given %(hours)s hours. Well done! You get: %(reward)s") % {
                "hours": milestone.hours,
                "reward": milestone.reward,
            }
        return _("You have given %(hours)s hours. Well done!") % {"hours": milestone.hours}

    return subject


def _after_earning(
    *, acting_user: User | None, membership: Membership, earned: ledger.Earned
) -> None:
    """Recognise the organisation's milestones the young person has just reached.

    `earned` carries the lifetime minutes as posted (no re-read) and the lowest milestone
    above the hours read before posting. Only a posting that reaches it looks the milestones
    up, in one query for the milestones and one for recognitions already given (so one
    missed earlier, or added since, is made up too).
    """
    if earned.lifetime <= earned.lifetime_before:
        return
    hours = CreditSettings.hours(earned.lifetime)
    if earned.next_milestone is None or earned.next_milestone > hours:
        return
    reached = list(Milestone.objects.filter(organisation=membership.organisation, hours__lte=hours))
    if not reached:
        return
    already = set(
        Recognition.objects.filter(
            young_person=membership,
            kind=RecognitionKind.MILESTONE,
            hours__in=[m.hours for m in reached],
        ).values_list("hours", flat=True)
    )
    for milestone in reached:
        if milestone.hours in already:
            continue
        Recognition.objects.create(
            organisation=membership.organisation,
            young_person=membership,
            kind=RecognitionKind.MILESTONE,
            hours=milestone.hours,
            title=f"{milestone.hours} hours",
            certificate=milestone.certificate,
            reward=milestone.reward,
            awarded_by=acting_user,
        )
        notify(
            organisation=membership.organisation,
            recipient=membership.user,
            kind="credits.milestone",
            dedupe_key=f"milestone:{milestone.hours}",
            subject=_milestone_message(milestone),
            url="/credits/me/",
        )


def credits_award(
    *,
    acting_user: User,
    membership: Membership,
    minutes: int,
    reason: str,
    idempotency_key: str,
    category: str = Category.AWARD,
    session_id: int | None = None,
    partner_name: str = "",
) -> Entry:
    """Issue credits for time given (by hand, from a session, or to a partner group)."""
    if category == Category.PARTNER and not partner_name.strip():
        raise ValidationError({"partner_name": _("Name the community group the time was given to")})
    # Checked before the transaction, so the accounts stay locked for the statements alone.
    ledger.check_entry(
        minutes=minutes,
        category=category,
        reason=reason,
        idempotency_key=idempotency_key,
        partner_name=partner_name,
    )
    created_at = timezone.now()
    alias = router.db_for_write(Entry)
    with transaction.atomic(using=alias):
        earned = ledger.earn(
            acting_user=acting_user,
            membership=membership,
            minutes=minutes,
            category=category,
            reason=reason,
            idempotency_key=idempotency_key,
            created_at=created_at,
            session_id=session_id,
            partner_name=partner_name,
        )
        # A replayed key posts nothing and so reaches nothing.
        _after_earning(acting_user=acting_user, membership=membership, earned=earned)
    return earned.entry(acting_user, alias)


def credits_issue_for_session(*, acting_user: User, session: Session) -> list[Entry]:
    """Bulk issue from confirmed attendance: each young person who came, once per session."""
    minutes = settings_for(organisation=session.organisation).rounded(session.duration_minutes)
    entries: list[Entry] = []
    if minutes <= 0:
        return entries
    with transaction.atomic():
        for row in attended_at(session=session):
            entries.append(
                credits_award(
                    acting_user=acting_user,
                    membership=row.young_person,
                    minutes=minutes,
                    category=Category.SESSION,
                    reason=f"{session.activity} ({session.date:%d %b %Y})",
                    session_id=session.pk,
                    idempotency_key=f"session:{session.pk}:{row.young_person_id}",
                )
            )
        audit_record(
            acting_user=acting_user,
            organisation=session.organisation,
            verb="credits.issue_session",
            target=session,
            details={"entries": len(entries), "minutes": minutes},
        )
    return entries


def credits_give(
    *,
    acting_user: User,
    giver: Membership,
    receiver: Membership,
    minutes: int,
    reason: str,
    idempotency_key: str,
) -> Entry:
    """A young person gives some of their credits to another member (when the organisation allows it)."""
    if not settings_for(organisation=giver.organisation).allow_giving:
        raise ValidationError(_("Your organisation has not turned on giving credits"))
    if giver.organisation_id != receiver.organisation_id or giver.pk == receiver.pk:
        raise ValidationError(_("Choose someone else in your organisation"))
    with transaction.atomic():
        entry = ledger.post(
            acting_user=acting_user,
            debit=ledger.account_of(giver),
            credit=ledger.account_of(receiver),
            minutes=minutes,
            category=Category.GIFT,
            reason=reason,
            idempotency_key=idempotency_key,
        )
        audit_record(
            acting_user=acting_user,
            organisation=giver.organisation,
            verb="credits.give",
            target=entry,
        )
    return entry


def accreditation_record(
    *, acting_user: User, membership: Membership, scheme: str, title: str, hours: int
) -> Recognition:
    account = ledger.account_of(membership)
    if CreditSettings.minutes_for_hours(hours) > account.lifetime_minutes:
        raise ValidationError({"hours": _("That is more hours than they have given on record")})
    with transaction.atomic():
        row = Recognition(
            organisation=membership.organisation,
            young_person=membership,
            kind=RecognitionKind.ACCREDITATION,
            scheme=scheme,
            title=title,
            hours=hours,
            awarded_by=acting_user,
        )
        row.full_clean()
        row.save()
        audit_record(
            acting_user=acting_user,
            organisation=membership.organisation,
            verb="accreditation.record",
            target=row,
            details={"scheme": scheme, "hours": hours},
        )
    return row
