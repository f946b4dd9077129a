"""Money given to young people: recorded, then approved (or declined) by someone else."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.audit.services import audit_record
from coproduce.inclusion.choices import PaymentStatus
from coproduce.inclusion.models import Payment
from coproduce.inclusion.services.receipts import clean_receipt

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from coproduce.accounts.models import User
    from coproduce.organisations.models import Membership
    from coproduce.projects.models import Project


def payment_record(
    *,
    acting_user: User,
    recorded_by: Membership,
    young_person: Membership,
    kind: str,
    purpose: str,
    amount_pence: int,
    method: str,
    paid_on: datetime.date,
    project: Project | None = None,
    receipt: UploadedFile | None = None,
) -> Payment:
    """Record a payment (with a photo or PDF of its receipt, if given), waiting for approval."""
    if (
        not young_person.is_young_person
        or young_person.organisation_id != recorded_by.organisation_id
    ):
        raise ValidationError({"young_person": _("Choose a young person in your organisation")})
    if paid_on > timezone.localdate() + datetime.timedelta(days=31):
        raise ValidationError({"paid_on": _("The date is more than a month away")})
    kept = clean_receipt(receipt) if receipt is not None else None
    with transaction.atomic():
        payment = Payment(
            organisation=recorded_by.organisation,
            young_person=young_person,
            kind=kind,
            purpose=purpose.strip(),
            amount_pence=amount_pence,
            method=method,
            paid_on=paid_on,
            project=project,
            recorded_by=recorded_by,
        )
        payment.full_clean()
        if kept is not None:
            content, payment.receipt_type = kept
            payment.receipt.save(content.name or "receipt", content, save=False)
        payment.save()
        audit_record(
            acting_user=acting_user,
            organisation=payment.organisation,
            verb="payment.record",
            target=payment,
            details={
                "kind": kind,
                "amount_pence": amount_pence,
                "method": method,
                "receipt": kept is not None,
            },
        )
    return payment


def payment_decide(
    *, acting_user: User, decided_by: Membership, payment: Payment, approve: bool
) -> Payment:
    """A manager approves or declines a payment someone else recorded (separation of duties)."""
    if not decided_by.can("approve_payments"):
        raise ValidationError(_("Only a manager or admin can approve payments"))
    if payment.recorded_by_id == decided_by.pk:
        raise ValidationError(_("Someone other than the person who recorded it must approve it"))
    if payment.status != PaymentStatus.AWAITING:
        raise ValidationError(_("This payment has already been decided"))
    with transaction.atomic():
        payment.status = PaymentStatus.APPROVED if approve else PaymentStatus.DECLINED
        payment.decided_by, payment.decided_at = decided_by, timezone.now()
        payment.full_clean()
        payment.save()
        audit_record(
            acting_user=acting_user,
            organisation=payment.organisation,
            verb="payment.decide",
            target=payment,
            details={"status": payment.status},
        )
    return payment
