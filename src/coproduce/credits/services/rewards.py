"""Rewards young people spend credits on: offering, booking and cancelling."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.core.bilingual import translations_set
from coproduce.credits import ledger
from coproduce.credits.models import Account, AccountKind, Category, Redemption, Reward

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


def reward_create(
    *,
    acting_user: User,
    organisation: Organisation,
    name: str,
    price_minutes: int,
    description: str = "",
    places: int | None = None,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> Reward:
    """`translations`: name and description in English and Welsh (core/bilingual.py)."""
    with transaction.atomic():
        reward = Reward(
            organisation=organisation,
            name=name,
            description=description,
            price_minutes=price_minutes,
            places=places,
            places_left=places,
        )
        translations_set(instance=reward, texts=translations or {})
        reward.full_clean()
        reward.save()
        Account.objects.create(organisation=organisation, kind=AccountKind.REWARD, reward=reward)
        audit_record(
            acting_user=acting_user, organisation=organisation, verb="reward.create", target=reward
        )
    return reward


def reward_redeem(
    *, acting_user: User, membership: Membership, reward: Reward, idempotency_key: str
) -> Redemption:
    """Book a place and pay for it together: both happen, or neither."""
    if not reward.is_active:
        raise ValidationError(_("This reward is no longer on offer"))
    with transaction.atomic():
        done = Redemption.objects.filter(
            entry__organisation=reward.organisation, entry__idempotency_key=idempotency_key
        ).first()
        if done is not None:
            return done
        if reward.places is not None:
            booked = Reward.objects.filter(pk=reward.pk, places_left__gte=1).update(
                places_left=F("places_left") - 1
            )
            if booked != 1:
                raise ValidationError(_("Sorry, all the places have gone."), code="no_places")
        entry = ledger.post(
            acting_user=acting_user,
            debit=ledger.account_of(membership),
            credit=reward.account,
            minutes=reward.price_minutes,
            category=Category.SPEND,
            reason=reward.name,
            idempotency_key=idempotency_key,
        )
        redemption = Redemption.objects.create(
            organisation=reward.organisation, reward=reward, young_person=membership, entry=entry
        )
        audit_record(
            acting_user=acting_user,
            organisation=reward.organisation,
            verb="reward.redeem",
            target=redemption,
        )
    return redemption


def redemption_cancel(*, acting_user: User, redemption: Redemption, reason: str) -> Redemption:
    """Give the place back and refund by reversal."""
    if redemption.cancelled_at is not None:
        return redemption
    with transaction.atomic():
        ledger.reverse(
            acting_user=acting_user, entry=redemption.entry, reason=reason or _("Booking cancelled")
        )
        if redemption.reward.places is not None:
            Reward.objects.filter(pk=redemption.reward_id).update(places_left=F("places_left") + 1)
        redemption.cancelled_at = timezone.now()
        redemption.save(update_fields=["cancelled_at"])
        audit_record(
            acting_user=acting_user,
            organisation=redemption.organisation,
            verb="reward.cancel",
            target=redemption,
        )
    return redemption


def redemption_cancel_own(
    *, acting_user: User, membership: Membership, redemption: Redemption
) -> Redemption:
    """A young person cancels their own booking, until the organisation's cut-off."""
    from coproduce.credits.selectors import settings_for

    if redemption.young_person_id != membership.pk:
        raise ValidationError(_("You can only cancel your own bookings"))
    if redemption.cancelled_at is not None:
        raise ValidationError(_("This booking is already cancelled"))
    deadline = settings_for(organisation=redemption.organisation).cancel_deadline(
        redemption.created_at
    )
    if deadline is None or timezone.now() > deadline:
        raise ValidationError(
            _("It is too late to cancel this booking yourself. Ask a youth worker to help.")
        )
    return redemption_cancel(
        acting_user=acting_user, redemption=redemption, reason=_("You cancelled this booking")
    )
