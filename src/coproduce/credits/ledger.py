"""Posting to the ledger: the one place balances change.

- Each posting is one Entry (debit → credit) and two balance updates, in one transaction.
- The debit is a single conditional UPDATE (`balance >= minutes`) so a spend that cannot
  be afforded changes nothing, even under concurrency; the database's CHECK constraint
  (no negative balance for young people) is the last line of defence.
- Accounts are locked in ascending primary-key order, so two postings never deadlock.
- An idempotency key, unique per organisation, makes posting the same thing twice post once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from coproduce.credits.models import EARNING, Account, AccountKind, Category, Entry

if TYPE_CHECKING:
    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership, Organisation


class NotEnoughCredits(ValidationError):
    def __init__(self) -> None:
        super().__init__(_("Not enough credits for this."), code="not_enough_credits")


def issuing_account(organisation: Organisation) -> Account:
    account = Account.objects.filter(organisation=organisation, kind=AccountKind.ISSUING).first()
    if account is None:
        try:
            with transaction.atomic():
                account = Account.objects.create(
                    organisation=organisation, kind=AccountKind.ISSUING
                )
        except IntegrityError:
            account = Account.objects.get(organisation=organisation, kind=AccountKind.ISSUING)
    return account


def account_of(membership: Membership) -> Account:
    if not membership.is_young_person:
        raise ValidationError(_("Only young people hold credits"))
    account = Account.objects.filter(membership=membership).first()
    if account is None:
        try:
            with transaction.atomic():
                account = Account.objects.create(
                    organisation=membership.organisation,
                    kind=AccountKind.YOUNG_PERSON,
                    membership=membership,
                )
        except IntegrityError:
            account = Account.objects.get(membership=membership)
    return account


def post(
    *,
    acting_user: User,
    debit: Account,
    credit: Account,
    minutes: int,
    category: str,
    reason: str,
    idempotency_key: str,
    session_id: int | None = None,
    partner_name: str = "",
    reverses: Entry | None = None,
) -> Entry:
    """Post one entry. Returns the existing entry when the key was already used."""
    if debit.organisation_id != credit.organisation_id:
        raise ValidationError(_("Both accounts must belong to the same organisation"))
    if minutes <= 0:
        raise ValidationError(_("Enter a number of minutes above zero"))
    if not reason.strip():
        raise ValidationError(_("Give a reason"))
    existing = Entry.objects.filter(
        organisation_id=debit.organisation_id, idempotency_key=idempotency_key
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # One fixed order for locks: ascending primary key.
            list(
                Account.objects.select_for_update()
                .filter(pk__in=sorted({debit.pk, credit.pk}))
                .order_by("pk")
            )
            taken = (
                Account.objects.filter(pk=debit.pk)
                .filter(Q(kind=AccountKind.ISSUING) | Q(balance__gte=minutes))
                .update(balance=F("balance") - minutes)
            )
            if taken != 1:
                raise NotEnoughCredits()
            earned = minutes if category in EARNING else 0
            Account.objects.filter(pk=credit.pk).update(
                balance=F("balance") + minutes, lifetime_minutes=F("lifetime_minutes") + earned
            )
            entry = Entry(
                organisation_id=debit.organisation_id,
                debit=debit,
                credit=credit,
                minutes=minutes,
                category=category,
                reason=reason,
                idempotency_key=idempotency_key,
                acting_user=acting_user,
                session_id=session_id,
                partner_name=partner_name,
                reverses=reverses,
            )
            # Field checks only: the database enforces the foreign keys, and looking each one
            # up again here (four queries) would only hold the account locks longer.
            entry.full_clean(
                exclude=["organisation", "debit", "credit", "acting_user", "session", "reverses"],
                validate_unique=False,
                validate_constraints=False,
            )
            entry.save()
    except IntegrityError:
        # A concurrent posting with the same key won the race: answer with its entry.
        existing = Entry.objects.filter(
            organisation_id=debit.organisation_id, idempotency_key=idempotency_key
        ).first()
        if existing is None:
            raise
        return existing
    return entry


def reverse(*, acting_user: User, entry: Entry, reason: str) -> Entry:
    """Put an entry right by posting its opposite; the original stays as it was."""
    if entry.reverses_id is not None:
        raise ValidationError(_("A correction cannot itself be reversed; post a new entry instead"))
    already = Entry.objects.filter(reverses=entry).first()
    if already is not None:
        return already
    with transaction.atomic():
        reversal = post(
            acting_user=acting_user,
            debit=entry.credit,
            credit=entry.debit,
            minutes=entry.minutes,
            category=Category.REVERSAL,
            reason=reason,
            idempotency_key=f"reverse:{entry.pk}",
            reverses=entry,
        )
        if entry.category in EARNING:
            # Time wrongly recorded was never given.
            Account.objects.filter(pk=entry.credit_id).update(
                lifetime_minutes=F("lifetime_minutes") - entry.minutes
            )
    return reversal
